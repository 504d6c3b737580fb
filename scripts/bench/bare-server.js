// The physical limit of the HTTP stack for `npm run bench`: plain node:http answering Twilio's
// signed webhook (form parsing + X-Twilio-Signature check, same algorithm as twilio's helper)
// with a fixed TwiML reply. Env: PORT, PUBLIC_BASE_URL, TWILIO_AUTH_TOKEN. Prints "ready <port>".
'use strict';
const { createHmac, timingSafeEqual } = require('node:crypto');
const { createServer } = require('node:http');

const token = process.env.TWILIO_AUTH_TOKEN;
const base = process.env.PUBLIC_BASE_URL;
const REPLY =
  '<?xml version="1.0" encoding="UTF-8"?><Response><Message>Bonjour, ici Sira.</Message></Response>';

function validSignature(signature, url, params) {
  let data = url;
  for (const key of Object.keys(params).sort()) data += key + params[key];
  const expected = Buffer.from(
    createHmac('sha1', token).update(Buffer.from(data, 'utf-8')).digest('base64'),
  );
  const given = Buffer.from(signature || '');
  return expected.length === given.length && timingSafeEqual(expected, given);
}

const server = createServer((req, res) => {
  const chunks = [];
  req.on('data', (c) => chunks.push(c));
  req.on('end', () => {
    const params = Object.fromEntries(new URLSearchParams(Buffer.concat(chunks).toString('utf8')));
    if (
      req.method !== 'POST' ||
      !validSignature(req.headers['x-twilio-signature'], base + req.url, params)
    ) {
      res.writeHead(403).end();
      return;
    }
    res.writeHead(200, { 'content-type': 'text/xml; charset=utf-8' }).end(REPLY);
  });
});
server.listen(Number(process.env.PORT || 0), '127.0.0.1', () => {
  process.stdout.write(`ready ${server.address().port}\n`);
});
process.on('SIGTERM', () => {
  server.close(() => process.exit(0));
  server.closeAllConnections();
});
