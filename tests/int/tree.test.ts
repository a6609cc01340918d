import type { SanitizedConfig } from 'payload'

import { execSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { generateImportMap } from 'payload'
import { generateTypes } from 'payload/node'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

/**
 * A tree an operator can trust: Payload's packages at one version, every setting the code reads
 * documented in .env.example, and the generated files (types, the admin's import map) current.
 */
const root = process.cwd()
const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as {
  dependencies: Record<string, string>
  devDependencies: Record<string, string>
}

let config: SanitizedConfig
let scratch: string

beforeAll(async () => {
  config = await (await import('@payload-config')).default
  scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'voices-generated-'))
})

afterAll(() => fs.rmSync(scratch, { recursive: true, force: true }))

describe('the tree', () => {
  it('pins every @payloadcms package to exactly the version of payload, as installed', () => {
    const payloadVersion = pkg.dependencies.payload!
    expect(payloadVersion).toMatch(/^\d+\.\d+\.\d+$/)
    const payloadPackages = Object.entries({ ...pkg.dependencies, ...pkg.devDependencies }).filter(([name]) =>
      name.startsWith('@payloadcms/'),
    )
    expect(payloadPackages.length).toBeGreaterThan(5)
    for (const [name, version] of [...payloadPackages, ['payload', payloadVersion] as const]) {
      expect(version, name).toBe(payloadVersion)
      const installed = JSON.parse(fs.readFileSync(path.join(root, 'node_modules', name, 'package.json'), 'utf8'))
      expect(installed.version, `${name} as installed`).toBe(payloadVersion)
    }
  })

  it('documents in .env.example every setting the code reads', () => {
    // Node's and Next's own, and the test tools', are not Voices' settings.
    const notSettings = new Set(['NODE_ENV', 'NEXT_PHASE', 'NEXT_RUNTIME', 'VITEST', 'CI'])
    const source = execSync("git ls-files '*.ts' '*.tsx' '*.mjs' ':!tests/**' ':!e2e/**' ':!playwright.config.ts'", {
      cwd: root,
      encoding: 'utf8',
    })
      .split('\n')
      .filter(Boolean)
      .map((file) => fs.readFileSync(path.join(root, file), 'utf8'))
      .join('\n')
    const read = new Set([...source.matchAll(/process\.env\.([A-Z][A-Z0-9_]*)/g)].map((m) => m[1]!))
    const example = fs.readFileSync(path.join(root, '.env.example'), 'utf8')
    const documented = new Set([...example.matchAll(/^#? ?([A-Z][A-Z0-9_]*)=/gm)].map((m) => m[1]!))
    const missing = [...read].filter((name) => !notSettings.has(name) && !documented.has(name))
    expect(missing).toEqual([])
  })

  it('has payload-types.ts as the config generates it', { timeout: 60_000 }, async () => {
    const output = path.join(scratch, 'payload-types.ts')
    process.env.PAYLOAD_TS_OUTPUT_PATH = output
    try {
      await generateTypes(config, { log: false })
    } finally {
      delete process.env.PAYLOAD_TS_OUTPUT_PATH
    }
    const committed = fs.readFileSync(path.join(root, 'payload-types.ts'), 'utf8')
    expect(
      fs.readFileSync(output, 'utf8') === committed,
      'payload-types.ts is stale: run `npm run generate:types`',
    ).toBe(true)
  })

  it('has the admin import map as the config generates it', async () => {
    const importMapFile = path.join(scratch, 'importMap.js')
    const admin = { ...config.admin, importMap: { ...config.admin.importMap, importMapFile } }
    await generateImportMap({ ...config, admin } as SanitizedConfig, { log: false, force: true })
    const committed = fs.readFileSync(path.join(root, 'app/(payload)/admin/importMap.js'), 'utf8')
    expect(
      fs.readFileSync(importMapFile, 'utf8') === committed,
      'the import map is stale: run `npm run generate:importmap`',
    ).toBe(true)
  })
})
