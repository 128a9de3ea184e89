import { render } from 'preact'
import { App } from './App.tsx'
import { t, uiLanguage } from '../popup/api.ts'
import './report.css'

const host = new URLSearchParams(location.search).get('host')
document.documentElement.lang = /^en\b/i.test(uiLanguage) ? 'en' : 'zh-CN'
document.title = host ? t('reportTitle', host) : t('extName')
render(<App host={host} />, document.getElementById('app')!)
