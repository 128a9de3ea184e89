// Aho–Corasick over UTF-16 code units: every occurrence of many words in one pass, linear in the text. The
// modern-ahocorasick package was tried first; it segments text into grapheme clusters and took 16–20 s for 100 KB of
// Chinese (quadratic), so word lists are matched here instead. Code units are exact for Chinese text: a word and the
// text it occurs in share their surrogate pairs.

export interface WordMatch {
  /** Index of the word in the list given to the constructor. */
  word: number
  start: number
  end: number
}

export class WordMatcher {
  readonly words: readonly string[]
  private readonly next: Map<number, number>[] = [new Map()]
  private readonly fail: number[] = [0]
  /** Words ending at a node (its own). */
  private readonly out: number[][] = [[]]
  /** The nearest node on the fail chain that ends a word, or -1: outputs without walking the whole chain. */
  private readonly dict: number[] = [-1]

  constructor(words: readonly string[]) {
    this.words = words
    words.forEach((word, index) => {
      if (!word) return
      let node = 0
      for (let i = 0; i < word.length; i++) {
        const c = word.charCodeAt(i)
        let to = this.next[node].get(c)
        if (to === undefined) {
          to = this.next.length
          this.next.push(new Map())
          this.fail.push(0)
          this.out.push([])
          this.dict.push(-1)
          this.next[node].set(c, to)
        }
        node = to
      }
      this.out[node].push(index)
    })
    // Breadth first, so a node's fail target is final before its children need it.
    const queue: number[] = [...this.next[0].values()]
    for (let head = 0; head < queue.length; head++) {
      const node = queue[head]
      for (const [c, child] of this.next[node]) {
        let f = this.fail[node]
        while (f !== 0 && !this.next[f].has(c)) f = this.fail[f]
        const target = this.next[f].get(c)
        this.fail[child] = target !== undefined && target !== child ? target : 0
        const t = this.fail[child]
        this.dict[child] = this.out[t].length ? t : this.dict[t]
        queue.push(child)
      }
    }
  }

  /** Every occurrence of every word, overlaps included, in order of where they end. */
  search(text: string): WordMatch[] {
    const found: WordMatch[] = []
    let node = 0
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i)
      while (node !== 0 && !this.next[node].has(c)) node = this.fail[node]
      node = this.next[node].get(c) ?? 0
      for (let n = this.out[node].length ? node : this.dict[node]; n > 0; n = this.dict[n]) {
        for (const word of this.out[n]) found.push({ word, start: i + 1 - this.words[word].length, end: i + 1 })
      }
    }
    return found
  }
}
