import { Controller, Get, NotFoundException, Param, Req, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { isLang } from '../common/i18n/lang';
import { Asset, ConsoleAssets } from './console-assets';

const CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "frame-ancestors 'none'",
  "base-uri 'none'",
  "form-action 'self'",
].join('; ');

// Static caseworker console. Open by design: the data it shows comes from /api, which requires a token.
@ApiExcludeController()
@Controller('console')
export class ConsoleController {
  constructor(private readonly assets: ConsoleAssets) {}

  @Get()
  index(@Req() req: Request, @Res() res: Response): void {
    send(req, res, this.assets.file('index.html'));
  }

  @Get('i18n/:lng')
  locale(@Param('lng') lng: string, @Req() req: Request, @Res() res: Response): void {
    const code = lng.replace(/\.json$/, '');
    send(req, res, isLang(code) ? this.assets.locale(code) : undefined);
  }

  @Get(':file')
  file(@Param('file') file: string, @Req() req: Request, @Res() res: Response): void {
    send(req, res, file === 'index.html' ? undefined : this.assets.file(file));
  }
}

function send(req: Request, res: Response, asset: Asset | undefined): void {
  if (!asset) throw new NotFoundException();
  res.setHeader('Content-Type', asset.type);
  res.setHeader('Cache-Control', 'no-cache');
  res.setHeader('ETag', asset.etag);
  res.setHeader('Vary', 'Accept-Encoding');
  res.setHeader('X-Content-Type-Options', 'nosniff');
  res.setHeader('Referrer-Policy', 'no-referrer');
  res.setHeader('Content-Security-Policy', CSP);
  if (req.headers['if-none-match'] === asset.etag) {
    res.status(304).end();
    return;
  }
  const gzip = /\bgzip\b/.test(String(req.headers['accept-encoding'] ?? ''));
  if (gzip) res.setHeader('Content-Encoding', 'gzip');
  res.status(200).end(gzip ? asset.gzip : asset.body);
}
