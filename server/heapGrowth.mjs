import v8 from 'node:v8'

/**
 * How far V8 lets the heap grow past what survived the last full collection, in percent.
 *
 * By default V8 grows a server's heap by up to four times what survived, so under load Voices held
 * 585–737 MB although the pages it read kept far less alive. At 25 % the peak while 10,000 stories
 * were read was 357–374 MB, with latencies within run-to-run noise (BENCHMARKS.md, Scale). Unlike
 * `--max-old-space-size` it caps nothing: a full page cache still fits, it is collected sooner.
 */
export const HEAP_GROWING_PERCENT = 25

const FLAG = '--heap-growing-percent'

/**
 * Sets the heap's growth for this process, unless the operator gave `node` the flag themselves.
 * Node refuses V8 flags like this one in NODE_OPTIONS, so it is set at run time; V8 reads it at
 * every collection, so setting it after start takes effect from the next one.
 * Returns the value in force when Voices set it, or undefined when the operator's stands.
 */
export function slowHeapGrowth(execArgv = process.execArgv) {
  if (execArgv.some((arg) => arg === FLAG || arg.startsWith(`${FLAG}=`))) return undefined
  v8.setFlagsFromString(`${FLAG}=${HEAP_GROWING_PERCENT}`)
  return HEAP_GROWING_PERCENT
}
