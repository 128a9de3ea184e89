// The markers' stylesheet, inside the shadow root: the page's CSS cannot reach it, and it cannot reach the page.
export const STYLES = `
.da-layer{position:absolute;top:0;left:0;width:0;height:0;font:12px/16px system-ui,"PingFang SC","Microsoft YaHei","Noto Sans CJK SC",sans-serif;color:#222;text-align:left;direction:ltr}
.da-group{position:absolute;display:flex;flex-wrap:wrap;gap:2px;max-width:480px;pointer-events:none}
.da-group.da-above{transform:translateY(-100%)}
.da-marker{pointer-events:none;position:relative;display:inline-block;max-width:420px;padding:1px 6px;border-radius:3px;color:#fff;cursor:default;box-shadow:0 1px 2px rgba(0,0,0,.35);outline:none}
.da-marker .da-label{display:block;white-space:nowrap;overflow:hidden;text-overflow:ellipsis}
.da-marker.da-fail{background:#c62828}
.da-marker.da-review{background:#e65100}
.da-marker.da-sev-veto{box-shadow:0 0 0 2px #000,0 1px 2px rgba(0,0,0,.35)}
.da-marker:focus-visible{box-shadow:0 0 0 2px #1565c0}
.da-tip{display:none;position:absolute;top:100%;left:0;z-index:1;margin-top:2px;width:max-content;max-width:360px;padding:6px 8px;border-radius:4px;background:#263238;color:#fff;white-space:pre-line;box-shadow:0 2px 6px rgba(0,0,0,.4)}
.da-marker.da-hover .da-tip,.da-marker:focus .da-tip{display:block}
.da-marker.da-hover{z-index:2}
.da-outline{position:absolute;pointer-events:none;box-sizing:border-box;border:2px solid #c62828;border-radius:2px}
.da-outline.da-review{border-color:#e65100;border-style:dashed}
.da-hidden-target .da-label::before{content:"\\25cc  "}
.da-flash{animation:da-flash .5s ease-in-out 3}
@keyframes da-flash{50%{box-shadow:0 0 0 5px #fdd835;transform:scale(1.08)}}
.da-missing-panel{position:fixed;right:12px;bottom:12px;width:340px;max-height:45vh;overflow:auto;pointer-events:auto;background:#fff;border:1px solid #b0bec5;border-radius:6px;box-shadow:0 4px 14px rgba(0,0,0,.25)}
.da-missing-header{all:unset;box-sizing:border-box;display:block;width:100%;padding:6px 10px;background:#37474f;color:#fff;font-weight:600;cursor:pointer}
.da-missing-header::after{content:" \\25be";float:right}
.da-collapsed .da-missing-header::after{content:" \\25b4"}
.da-collapsed .da-missing-body{display:none}
.da-missing-body{margin:0;padding:4px 0;list-style:none}
.da-missing-item,.da-unlocated-item{padding:4px 10px;border-left:4px solid #c62828;margin:2px 0}
.da-missing-item.da-review,.da-unlocated-item.da-review{border-left-color:#e65100}
.da-missing-item b,.da-unlocated-item b{margin-right:6px}
.da-unlocated-header{padding:4px 10px;color:#546e7a;font-weight:600}
.da-missing-item.da-flash,.da-unlocated-item.da-flash{animation:da-flash-row .5s 3}
@keyframes da-flash-row{50%{background:#fff59d}}
.da-scan-badge{pointer-events:none;display:inline-block;padding:0 5px;border-radius:3px;background:#2e7d32;color:#fff;white-space:nowrap;font-size:11px;line-height:15px;box-shadow:0 1px 2px rgba(0,0,0,.3)}
.da-scan-badge.da-col-stale{background:#c62828}
.da-scan-badge.da-col-blank{background:#6a1b9a}
.da-scan-badge.da-col-unreachable,.da-scan-badge.da-col-login,.da-scan-badge.da-col-soft404,.da-scan-badge.da-col-error,.da-scan-badge.da-col-offsite,.da-scan-badge.da-col-too-large,.da-scan-badge.da-col-not-html{background:#546e7a}
.da-site-panel{position:fixed;left:12px;bottom:12px;width:360px;max-height:45vh;overflow:auto;pointer-events:auto;background:#fff;border:1px solid #b0bec5;border-radius:6px;box-shadow:0 4px 14px rgba(0,0,0,.25)}
.da-site-panel.da-collapsed .da-site-body{display:none}
.da-site-body{padding:4px 10px 8px}
.da-site-verdict{margin:4px 0;padding:4px 8px;border-radius:4px;font-weight:700;color:#fff;background:#2e7d32}
.da-site-verdict.da-v-veto{background:#7f0000}
.da-site-verdict.da-v-review{background:#e65100}
.da-site-groups{margin:0;padding:0;list-style:none}
.da-site-group{margin:4px 0;padding:2px 8px;border-left:4px solid #2e7d32}
.da-site-group.da-fail{border-left-color:#c62828}
.da-site-group.da-review{border-left-color:#e65100}
.da-site-count{float:right;font-variant-numeric:tabular-nums}
.da-site-cols{color:#52606d}
`
