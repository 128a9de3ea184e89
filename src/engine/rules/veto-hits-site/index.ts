import { siteRuleKind } from '../../rule-kit/kind.ts'
import { help } from './messages.ts'
import { params } from './params.ts'

export const vetoHitsSite = siteRuleKind({ params, help })
