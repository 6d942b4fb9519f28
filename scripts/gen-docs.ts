import { readFileSync, writeFileSync } from 'node:fs';
import { renderCliReference, withCliReference } from './cli-doc.js';
import { renderRulesDoc, withReadmeTable } from './rules-doc.js';

writeFileSync('docs/rules.md', renderRulesDoc());
const readme = withReadmeTable(readFileSync('README.md', 'utf8'));
writeFileSync('README.md', withCliReference(readme, await renderCliReference()));
console.log('wrote docs/rules.md, the README rule table and the README command reference');
