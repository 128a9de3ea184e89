import * as v from 'valibot'
import { list, msg, oneOf, positiveInt, strict, text } from '../../rule-kit/schema.ts'

export const CATEGORIES = ['国名', '党政机关', '地名', '领导人', '固定表述'] as const

const entry = strict({
  wrong: text(),
  correct: text(),
  category: oneOf(CATEGORIES),
  /** Correct phrases that happen to contain `wrong` (学习近乎… holds 习近乎): a hit inside one is not an error. */
  except: v.optional(list(text())),
})

export const params = strict({
  /** Below this many characters of content text (a page its scripts fill, a scan as an image) nothing can be judged. */
  minTextLength: positiveInt(),
  /** The word list's version, shown in each finding so a report says which list judged it. */
  listVersion: text(),
  words: v.pipe(
    list(entry, 1),
    v.check((words) => words.every((w) => w.correct !== w.wrong), msg('错误写法不能与正确写法相同', 'a wrong form cannot equal its correct form')),
  ),
  /**
   * Entries a local pack adds to the national list. A local pack's params replace the national ones key by key, so a
   * list of its own here extends the national words instead of replacing them.
   */
  extraWords: list(entry),
})
export type Params = v.InferOutput<typeof params>
export type WordEntry = Params['words'][number]
