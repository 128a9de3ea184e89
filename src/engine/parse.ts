// HTML → cheerio document, with the tree depth bounded the way browsers bound it. Blink stops nesting at 512 levels and
// attaches deeper elements at the cap; without that, 5,000 unclosed <div>s or 20,000 unclosed <font>s (old Word-made
// and CMS pages) would overflow the stack of every walk over the tree, and the page would not be audited at all.
import { load, type CheerioAPI } from 'cheerio/slim'
import { DomHandler, type Document } from 'domhandler'
import { Parser } from 'htmlparser2'
import type { AnyNode, Element, ParentNode } from 'domhandler'
import { EVIDENCE_ATTRIBUTES, MAX_ATTRIBUTE_CHARS } from './limits.ts'

/** Blink's limit (HTMLConstructionSite's maximum DOM depth). */
export const MAX_TREE_DEPTH = 512

function hasChildren(node: AnyNode): node is AnyNode & ParentNode {
  return Array.isArray((node as ParentNode).children) && (node as ParentNode).children.length > 0
}

/**
 * Every node below `parent` in document order, each emptied of its children: the subtree laid flat under `parent`,
 * as a browser lays out elements past the depth limit. Iterative, so any depth is fine.
 */
function flatten(parent: ParentNode): AnyNode[] {
  const out: AnyNode[] = []
  const stack: AnyNode[] = [...parent.children].reverse()
  while (stack.length) {
    const node = stack.pop()!
    out.push(node)
    if (hasChildren(node)) {
      for (let i = node.children.length - 1; i >= 0; i--) stack.push(node.children[i])
      node.children = []
    }
  }
  return out
}

function adopt(parent: ParentNode, children: AnyNode[]): void {
  parent.children = children
  children.forEach((child, i) => {
    child.parent = parent
    child.prev = children[i - 1] ?? null
    child.next = children[i + 1] ?? null
  })
}

/** Caps the tree at `maxDepth` levels in place; returns how many nodes were moved up to the cap. */
export function capTreeDepth(root: ParentNode, maxDepth = MAX_TREE_DEPTH): number {
  let moved = 0
  const stack: { node: ParentNode; depth: number }[] = [{ node: root, depth: 0 }]
  while (stack.length) {
    const { node, depth } = stack.pop()!
    if (depth >= maxDepth - 1) {
      const flat = flatten(node)
      if (flat.some((n) => n.parent !== node)) moved += flat.filter((n) => n.parent !== node).length
      adopt(node, flat)
      continue
    }
    for (const child of node.children) if (hasChildren(child)) stack.push({ node: child, depth: depth + 1 })
  }
  return moved
}

export interface AttributeCuts {
  /** Values cut in attributes the rules take evidence from (EVIDENCE_ATTRIBUTES). */
  evidence: number
  /** Their attribute names, each once. */
  names: string[]
  /** Values cut elsewhere (inline styles, data: images): nothing the audit reads. */
  other: number
}

/**
 * Cuts every attribute value longer than `max` in place. A page can carry megabyte attributes (an inlined image, an
 * attribute flood); every read of them (links, titles, locators, stored findings) would copy them again.
 */
export function capAttributes(root: ParentNode, max = MAX_ATTRIBUTE_CHARS): AttributeCuts {
  const cuts: AttributeCuts = { evidence: 0, names: [], other: 0 }
  const stack: AnyNode[] = [...root.children]
  while (stack.length) {
    const node = stack.pop()!
    const attribs = (node as Element).attribs
    if (attribs) {
      for (const name in attribs) {
        if (attribs[name].length <= max) continue
        attribs[name] = attribs[name].slice(0, max)
        if (EVIDENCE_ATTRIBUTES.has(name)) {
          cuts.evidence++
          if (!cuts.names.includes(name)) cuts.names.push(name)
        } else cuts.other++
      }
    }
    if (hasChildren(node)) for (const child of node.children) stack.push(child)
  }
  return cuts
}

export interface ParsedHtml {
  $: CheerioAPI
  /** Nodes that sat deeper than MAX_TREE_DEPTH and were attached at the cap. */
  flattened: number
  attributes: AttributeCuts
}

/** Parses and applies the tree bounds: depth, then attribute length. */
export function boundTree($: CheerioAPI): ParsedHtml {
  const root = $.root().get(0) as unknown as ParentNode
  const flattened = capTreeDepth(root)
  return { $, flattened, attributes: capAttributes(root) }
}

/**
 * htmlparser2 keeps its open elements top first and adds one with `unshift`, and looks for a closing tag's element
 * with `indexOf` over the whole stack: each tag costs O(open elements). Thousands of unclosed <font>/<b> (old
 * Word-made pages, and the generated hostile corpus) made parsing quadratic: 270k characters took 0.6–2 s, 7.5 s on
 * a loaded machine. This stack answers the same calls (length, [i] from the top, shift, unshift, indexOf, length = 0)
 * in O(1): kept bottom first, with a count per name so a closing tag with no open element is refused at once, and a
 * matched one is found from the top (the elements passed are then popped, so the scan is paid for once).
 */
function topFirstStack(): string[] {
  const items: string[] = []
  const counts = new Map<string, number>()
  const methods = {
    unshift(name: string): number {
      items.push(name)
      counts.set(name, (counts.get(name) ?? 0) + 1)
      return items.length
    },
    shift(): string | undefined {
      const name = items.pop()
      if (name !== undefined) counts.set(name, counts.get(name)! - 1)
      return name
    },
    indexOf(name: string): number {
      if (!counts.get(name)) return -1
      return items.length - 1 - items.lastIndexOf(name)
    },
  }
  return new Proxy(methods, {
    get(target, prop) {
      if (prop === 'length') return items.length
      if (typeof prop === 'string') {
        const c = prop.charCodeAt(0)
        if (c >= 48 && c <= 57) return items[items.length - 1 - Number(prop)]
      }
      return Reflect.get(target, prop)
    },
    set(_target, prop, value) {
      if (prop !== 'length') return false
      items.length = Math.min(items.length, Number(value))
      counts.clear()
      for (const name of items) counts.set(name, (counts.get(name) ?? 0) + 1)
      return true
    },
  }) as unknown as string[]
}

/** What cheerio/slim's load does (htmlparser2's parseDocument with its defaults), with the linear stack above. */
function parseDocument(html: string): Document {
  const handler = new DomHandler()
  const parser = new Parser(handler)
  // `stack` is htmlparser2's own field (pinned through the lockfile). Should a later version drop or rename it, the
  // parser keeps its own stack: slower on pages of thousands of unclosed tags, the same tree.
  const internals = parser as unknown as { stack?: unknown }
  if (Array.isArray(internals.stack) && internals.stack.length === 0) internals.stack = topFirstStack()
  parser.end(html)
  return handler.root
}

export function parseHtml(html: string): ParsedHtml {
  return boundTree(load(parseDocument(html)))
}
