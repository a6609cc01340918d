import sharp from 'sharp'

/**
 * Demo images are drawn here rather than shipped: abstract, warm illustrations that show
 * nobody, so the demo never carries a real person's likeness.
 */
export type Illustration = {
  name: string
  palette: [string, string, string]
  /** Seats around a table, threads, windows: a motif per image keeps them distinguishable. */
  motif: 'circle' | 'threads' | 'windows' | 'path' | 'sun'
}

function shapes({ palette: [, accent, light], motif }: Illustration): string {
  switch (motif) {
    case 'circle':
      return Array.from({ length: 9 }, (_, i) => {
        const a = (i / 9) * Math.PI * 2
        return `<circle cx="${800 + Math.cos(a) * 300}" cy="${500 + Math.sin(a) * 260}" r="70" fill="${i % 2 ? accent : light}" opacity="0.85"/>`
      }).join('')
    case 'threads':
      return Array.from({ length: 7 }, (_, i) => {
        const y = 160 + i * 110
        return `<path d="M0 ${y} C 400 ${y - 180}, 1200 ${y + 180}, 1600 ${y}" stroke="${i % 2 ? accent : light}" stroke-width="26" fill="none" opacity="0.8"/>`
      }).join('')
    case 'windows':
      return Array.from({ length: 12 }, (_, i) => {
        const x = 260 + (i % 4) * 290
        const y = 200 + Math.floor(i / 4) * 230
        return `<rect x="${x}" y="${y}" width="200" height="160" rx="18" fill="${i % 3 ? light : accent}" opacity="0.85"/>`
      }).join('')
    case 'path':
      return `<path d="M100 900 C 500 700, 700 850, 900 600 S 1300 300, 1500 150" stroke="${light}" stroke-width="60" fill="none" stroke-linecap="round"/>
        <circle cx="1500" cy="150" r="70" fill="${accent}"/>`
    case 'sun':
      return `<circle cx="800" cy="620" r="260" fill="${accent}"/>
        <rect x="0" y="640" width="1600" height="360" fill="${light}" opacity="0.9"/>`
  }
}

export async function drawIllustration(illustration: Illustration): Promise<Buffer> {
  const [base, accent] = illustration.palette
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="1600" height="1000" viewBox="0 0 1600 1000">
    <defs><linearGradient id="g" x1="0" y1="0" x2="1" y2="1">
      <stop offset="0" stop-color="${base}"/><stop offset="1" stop-color="${accent}" stop-opacity="0.55"/>
    </linearGradient></defs>
    <rect width="1600" height="1000" fill="url(#g)"/>${shapes(illustration)}</svg>`
  return sharp(Buffer.from(svg)).jpeg({ quality: 80 }).toBuffer()
}
