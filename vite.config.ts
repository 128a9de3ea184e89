import { defineConfig } from 'vite'
import preact from '@preact/preset-vite'
import { crx } from '@crxjs/vite-plugin'
import manifest from './manifest.json' with { type: 'json' }

export default defineConfig({
  plugins: [preact(), crx({ manifest })],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // Service worker and popup are extension-only code; no need to down-level for old browsers.
    target: 'chrome116',
    // The report page is linked from the popup, not named in the manifest, so crxjs needs it as an extra entry.
    rollupOptions: { input: { report: 'src/report/index.html' } },
  },
})
