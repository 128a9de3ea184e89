// The markers' stylesheet, inside the shadow root. Colours meet WCAG AA (4.5:1) against what they sit on; severity
// is told by a glyph as well as a colour, and "to review" badges are outlined rather than filled.
export const STYLES = `
.da-layer{position:absolute;top:0;left:0;width:0;height:0;font:12px/16px system-ui,"PingFang SC","Microsoft YaHei","Noto Sans CJK SC",sans-serif;color:#1f2933;text-align:left;direction:ltr}
.da-badge{position:absolute;pointer-events:none;display:inline-flex;align-items:center;gap:3px;max-width:260px;padding:0 5px;border:1px solid transparent;border-radius:3px;color:#fff;white-space:nowrap;box-shadow:0 1px 2px rgba(0,0,0,.35);outline:none;cursor:default}
.da-badge .da-label{overflow:hidden;text-overflow:ellipsis}
.da-badge .da-count{font-weight:700}
.da-badge.da-sev-veto{background:#7f0000}
.da-badge.da-sev-error{background:#b71c1c}
.da-badge.da-sev-warning{background:#7a4100}
.da-badge.da-sev-info{background:#37474f}
.da-badge.da-review{background:#fff;border:2px dashed currentColor}
.da-badge.da-review.da-sev-veto{color:#7f0000}
.da-badge.da-review.da-sev-error{color:#b71c1c}
.da-badge.da-review.da-sev-warning{color:#7a4100}
.da-badge.da-review.da-sev-info{color:#37474f}
.da-badge.da-pass{background:#1e6b24}
.da-outline.da-pass{border-color:#1e6b24;border-style:dotted}
.da-badge:focus-visible{box-shadow:0 0 0 3px #0b57d0}
.da-badge.da-hover,.da-badge:focus{z-index:3}
.da-tip{display:none;position:absolute;top:100%;left:0;z-index:1;margin-top:2px;width:max-content;max-width:360px;padding:6px 8px;border-radius:4px;background:#263238;color:#fff;white-space:pre-line;box-shadow:0 2px 6px rgba(0,0,0,.4)}
.da-tip.da-tip-above{top:auto;bottom:100%;margin:0 0 2px}
.da-tip.da-tip-end{left:auto;right:0}
.da-badge.da-hover .da-tip,.da-badge:focus .da-tip{display:block}
.da-tip .da-marker{display:block;margin-top:6px;padding-top:6px;border-top:1px solid #90a4ae}
.da-tip .da-marker .da-label{font-weight:700}
.da-outline{position:absolute;pointer-events:none;box-sizing:border-box;border:2px solid #b71c1c;border-radius:2px}
.da-outline.da-review{border-color:#7a4100;border-style:dashed}
.da-hidden-target .da-label::before{content:"\\25cc  "}
.da-flash{animation:da-flash .5s ease-in-out 3}
@keyframes da-flash{50%{box-shadow:0 0 0 5px #fdd835;transform:scale(1.08)}}
.da-panel{position:fixed;bottom:12px;max-height:45vh;overflow:auto;pointer-events:auto;background:#fff;border:1px solid #b0bec5;border-radius:6px;box-shadow:0 4px 14px rgba(0,0,0,.25)}
.da-missing-panel{right:12px;width:340px}
.da-site-panel{left:12px;width:360px}
.da-panel.da-collapsed{width:auto;max-width:300px}
.da-panel-bar{display:flex;align-items:stretch;background:#37474f;color:#fff}
.da-missing-header{all:unset;box-sizing:border-box;flex:1;padding:6px 10px;color:#fff;font-weight:600;cursor:pointer}
.da-missing-header::after{content:" \\25be"}
.da-collapsed .da-missing-header::after{content:" \\25b4"}
.da-missing-header:focus-visible,.da-grip:focus-visible{outline:3px solid #ffd54f;outline-offset:-3px}
.da-grip{all:unset;box-sizing:border-box;padding:6px 8px;color:#fff;cursor:move;touch-action:none}
.da-collapsed .da-missing-body,.da-collapsed .da-site-body{display:none}
.da-missing-body{margin:0;padding:4px 0;list-style:none;color:#1f2933}
.da-missing-item,.da-unlocated-item{padding:4px 10px;border-left:4px solid #b71c1c;margin:2px 0}
.da-missing-item.da-review,.da-unlocated-item.da-review{border-left-color:#7a4100;border-left-style:dashed}
.da-missing-item b,.da-unlocated-item b{margin-right:6px}
.da-unlocated-header{padding:4px 10px;color:#3e4c59;font-weight:600}
.da-missing-item.da-flash,.da-unlocated-item.da-flash{animation:da-flash-row .5s 3}
@keyframes da-flash-row{50%{background:#fff59d}}
.da-scan-badge{position:absolute;pointer-events:none;display:inline-block;padding:0 5px;border-radius:3px;background:#1e6b24;color:#fff;white-space:nowrap;font-size:11px;line-height:15px;box-shadow:0 1px 2px rgba(0,0,0,.3)}
.da-scan-badge.da-col-stale{background:#b71c1c}
.da-scan-badge.da-col-blank{background:#6a1b9a}
.da-scan-badge.da-col-unreachable,.da-scan-badge.da-col-login,.da-scan-badge.da-col-soft404,.da-scan-badge.da-col-error,.da-scan-badge.da-col-not-html{background:#455a64}
.da-site-body{padding:4px 10px 8px;color:#1f2933}
.da-site-verdict{margin:4px 0;padding:4px 8px;border-radius:4px;font-weight:700;color:#fff;background:#1e6b24}
.da-site-verdict.da-v-veto{background:#7f0000}
.da-site-verdict.da-v-review{background:#7a4100}
.da-site-groups{margin:0;padding:0;list-style:none}
.da-site-group{margin:4px 0;padding:2px 8px;border-left:4px solid #1e6b24}
.da-site-group.da-fail{border-left-color:#b71c1c}
.da-site-group.da-review{border-left-color:#7a4100}
.da-site-count{float:right;font-variant-numeric:tabular-nums}
.da-site-cols{color:#3e4c59}
`

/** Severity glyphs, so colour is never the only signal. */
export const SEVERITY_GLYPH: Record<string, string> = { veto: '\u2298', error: '\u2716', warning: '\u25b2', info: '\u2139' }

/** Passing items, shown only on request. */
export const PASS_GLYPH = '\u2714'
