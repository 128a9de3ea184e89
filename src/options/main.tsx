import { render } from 'preact'
import { applyUiLangSetting } from '../shared/i18n.ts'
import './options.css'

// The language setting is read before the UI modules load: they fix their language when first evaluated.
await applyUiLangSetting()
const { App } = await import('./App.tsx')
const { t, uiLanguage } = await import('../popup/api.ts')
document.documentElement.lang = /^en\b/i.test(uiLanguage) ? 'en' : 'zh-CN'
document.title = t('optionsTitle')
render(<App />, document.getElementById('app')!)
