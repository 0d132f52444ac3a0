// Server only. The QR code of an otpauth:// URI, drawn here as an SVG data URL: authenticator apps scan it, the page
// needs no script or outside service for it, and the CSP already allows data: images.
import 'server-only';
import QRCode from 'qrcode';

export async function totpQrDataUrl(uri: string): Promise<string> {
  // Level M survives a slightly blurred phone photo; the quiet zone of 4 modules is what scanners expect.
  const svg = await QRCode.toString(uri, { type: 'svg', errorCorrectionLevel: 'M', margin: 4, color: { dark: '#000000', light: '#ffffff' } });
  return `data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}`;
}
