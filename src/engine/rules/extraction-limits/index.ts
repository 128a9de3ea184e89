import { pageRuleKind } from '../../rule-kit/kind.ts'
import { evaluate } from './evaluate.ts'
import { help } from './messages.ts'
import { params } from './params.ts'

export const extractionLimits = pageRuleKind({ params, help, evaluate })
