// Trains the need and urgency model on the train split and writes the shipped JSON.
// Deterministic: the same corpus gives byte-identical output. Run: npm run nlu:train
process.env.DOTENV_CONFIG_QUIET = 'true';
import { mkdirSync, writeFileSync } from 'fs';
import { dirname } from 'path';
import { MODEL_PATH, readSplit } from '../src/understanding/corpus';
import { serializeModel } from '../src/understanding/need-model';
import { train } from '../src/understanding/training';

const started = Date.now();
const rows = readSplit('train');
const { model, thresholds, crossValidatedMicroF1 } = train(rows);
mkdirSync(dirname(MODEL_PATH), { recursive: true });
writeFileSync(MODEL_PATH, serializeModel(model));
console.log(`trained on ${rows.length} rows in ${Date.now() - started} ms -> ${MODEL_PATH}`);
console.log('thresholds', JSON.stringify(thresholds));
console.log(`cross-validated needs micro-F1 on train (grouped folds): ${crossValidatedMicroF1}`);
