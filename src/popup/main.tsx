import { render } from 'preact'
import { App } from './App.tsx'
import { t, uiLanguage } from './api.ts'
import './popup.css'

document.documentElement.lang = /^en\b/i.test(uiLanguage) ? 'en' : 'zh-CN'
document.title = t('extName')
render(<App />, document.getElementById('app')!)
