// npm run schema: regenerates rules/schema.json from the kinds' valibot schemas.
import { writeFileSync } from 'node:fs'
import { packJsonSchemaText } from './pack-schema.ts'

const target = new URL('../rules/schema.json', import.meta.url)
writeFileSync(target, packJsonSchemaText())
console.log(`wrote ${target.pathname}`)
