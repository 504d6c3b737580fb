import { cliActor, runPrivacyCommand } from './privacy-cli';

// npm run contact:erase -- <phone>   (right to erasure; audited as contact.erase by the operator)
const phone = process.argv.slice(2).find((a) => !a.startsWith('--'));
if (!phone) {
  console.error('usage: npm run contact:erase -- <phone, e.g. +22376123456>');
  process.exit(64);
}
runPrivacyCommand(async (privacy) => {
  const report = await privacy.eraseByPhone(phone, cliActor());
  console.log(JSON.stringify(report, null, 2));
  return 0;
});
