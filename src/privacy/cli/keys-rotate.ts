import { runPrivacyCommand } from './privacy-cli';

// npm run keys:rotate   with ENCRYPTION_KEY=newId:newHex,oldId:oldHex — re-encrypts every sealed value
// under newId. Exit 2 when some values changed under us (run it again).
runPrivacyCommand(async (privacy) => {
  const report = await privacy.rotateKeys();
  console.log(JSON.stringify(report, null, 2));
  return report.skipped ? 2 : 0;
});
