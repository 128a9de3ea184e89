// Page results written as each page is audited: many inputs (a directory, a long list of URLs) must not hold every
// report until the end, so memory stays that of one page. JSON is streamed as the same document the one-shot output
// gives; jsonl is one page per line; CSV keeps one header; the table prints one block per page.
import { reportsToCsv } from '../engine/csv.ts'
import type { Lang, RulePack } from '../engine/types.ts'
import type { Format } from './args.ts'
import type { FindingDiff } from '../engine/cycle/diff.ts'
import { type AuditedPage, diffLine, type JsonMeta, jsonHead, jsonPage, ruleTitles, tablePage } from './format.ts'
import { forTerminal, jsonForTerminal } from './terminal.ts'

export interface PageSink {
  page(page: AuditedPage): void
  /** `diff`: the run compared with a --baseline report (json and table only; parseCli refuses it with the others). */
  end(diff?: FindingDiff): void
}

export interface SinkOptions {
  format: Format
  lang: Lang
  all: boolean
  packs: RulePack[]
  meta: JsonMeta
}

/** `text` indented by `spaces` on every line, as JSON.stringify indents a nested value. */
function indent(text: string, spaces: number): string {
  const pad = ' '.repeat(spaces)
  return text.replace(/^/gm, pad)
}

export function pageSink(write: (text: string) => void, opts: SinkOptions): PageSink {
  let count = 0
  if (opts.format === 'jsonl') {
    return {
      page: (p) => write(jsonForTerminal(JSON.stringify({ ...jsonPage(p), asOf: p.report.asOf })) + '\n'),
      end: () => {},
    }
  }
  if (opts.format === 'json') {
    // The head of JSON.stringify(…, null, 2) up to the pages array, so the streamed document is byte for byte the
    // one-shot one.
    const head = JSON.stringify({ ...jsonHead(opts.meta), pages: [] }, null, 2)
    write(jsonForTerminal(head.slice(0, head.lastIndexOf('[]') + 1)))
    return {
      page: (p) => write((count++ ? ',\n' : '\n') + jsonForTerminal(indent(JSON.stringify(jsonPage(p), null, 2), 4))),
      end: (diff) => {
        // The tail JSON.stringify(…, null, 2) gives after the pages array, with the diff member when there is one.
        const tail = diff ? `,\n${JSON.stringify({ diff }, null, 2).slice(2)}\n` : '\n}\n'
        write((count ? '\n  ]' : ']') + tail)
      },
    }
  }
  if (opts.format === 'csv') {
    return {
      page: (p) => {
        const csv = reportsToCsv([p.report], opts.packs, { lang: opts.lang })
        // Each chunk is BOM + header + rows; only the first page keeps the first two.
        const rows = count ? csv.slice(csv.indexOf('\r\n') + 2) : csv
        if (count && !csv.includes('\r\n')) return
        write((count++ ? '\r\n' : '') + rows)
      },
      end: () => write(count ? '\r\n' : reportsToCsv([], opts.packs, { lang: opts.lang }) + '\r\n'),
    }
  }
  const titles = ruleTitles(opts.packs, opts.lang)
  return {
    page: (p) => write(forTerminal((count++ ? '\n' : '') + tablePage(p, titles, { lang: opts.lang, all: opts.all }) + '\n')),
    end: (diff) => {
      if (diff) write(forTerminal((count ? '\n' : '') + diffLine(diff, opts.lang) + '\n'))
    },
  }
}
