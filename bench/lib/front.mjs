/**
 * The production topology's HTTP cache (deploy/nginx/voices.conf.template) run here on loopback
 * with Debian's nginx, for the benchmarks: the template filled in as the official nginx image
 * fills it in, inside a main configuration of the benchmark's own.
 */
import fs from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

const template = fileURLToPath(new URL('../../deploy/nginx/voices.conf.template', import.meta.url))

/** `${NAME}` replaced by its value, as envsubst does with the names it is given; nginx's own `$name`s stay. */
export function fillTemplate(text, values) {
  return text.replace(/\$\{([A-Z0-9_]+)\}/g, (whole, name) => {
    if (!(name in values)) throw new Error(`deploy/nginx template: no value for ${name}`)
    return values[name]
  })
}

/**
 * A whole nginx.conf for a front on `listen` before Voices at `upstream`, everything it writes
 * kept under `scratch`.
 */
export function frontConfig({ scratch, listen, upstream, refreshKey, pageSeconds = 1, workers = 'auto' }) {
  const temp = (name) => `${name}_temp_path ${path.join(scratch, `nginx-${name}`)};`
  const site = fillTemplate(fs.readFileSync(template, 'utf8'), {
    VOICES_UPSTREAM: upstream,
    VOICES_HTTP_CACHE_REFRESH_KEY: refreshKey,
    NGINX_LISTEN: listen,
    NGINX_CACHE_DIR: path.join(scratch, 'nginx-cache'),
    NGINX_PAGE_SECONDS: String(pageSeconds),
  })
  return `worker_processes ${workers};
pid ${path.join(scratch, 'nginx.pid')};
error_log ${path.join(scratch, 'nginx-error.log')};
events { worker_connections 4096; }
http {
  access_log off;
  keepalive_requests 1000000;
  ${['client_body', 'proxy', 'fastcgi', 'uwsgi', 'scgi'].map(temp).join('\n  ')}
  default_type application/octet-stream;
${site}
}
`
}

/** The arguments that run nginx in the foreground on `config`, its files under `scratch`. */
export function nginxArgs(config, scratch) {
  return ['-c', config, '-p', scratch, '-e', path.join(scratch, 'nginx-error.log'), '-g', 'daemon off;']
}
