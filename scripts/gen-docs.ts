import { readFileSync, writeFileSync } from 'node:fs';
import { renderRulesDoc, withReadmeTable } from './rules-doc.js';

writeFileSync('docs/rules.md', renderRulesDoc());
writeFileSync('README.md', withReadmeTable(readFileSync('README.md', 'utf8')));
console.log('wrote docs/rules.md and the README rule table');
