import { runPrivacyCommand } from './privacy-cli';

// npm run privacy:purge   erases now everyone past RETENTION_DAYS (the service does it hourly).
runPrivacyCommand(async (privacy) => {
  const erased = await privacy.purgeExpired();
  console.log(JSON.stringify({ erased: erased.length }, null, 2));
  return 0;
});
