// The manifest in the repository points at the development server; a production build points it
// at the host that serves dist/ (ADDIN_BASE_URL). Used by webpack.config.js and the build tests.
'use strict';

const DEV_BASE_URL = 'https://localhost:3000/';

/**
 * The base URL for a production build: ADDIN_BASE_URL when set (https, ending with "/"), else the
 * development URL, so that a production build can still be tried with the local server.
 */
function addinBaseUrl(value) {
  if (value === undefined || value === '') return DEV_BASE_URL;
  let url;
  try {
    url = new URL(value);
  } catch {
    throw new Error(
      `ADDIN_BASE_URL non è un indirizzo valido: «${value}» (esempio: https://example.org/traguardo/).\n` +
        `ADDIN_BASE_URL is not a valid URL: "${value}" (example: https://example.org/traguardo/).`,
    );
  }
  if (url.protocol !== 'https:') {
    throw new Error(
      `ADDIN_BASE_URL deve iniziare con https://, perché Office carica i componenti aggiuntivi solo in HTTPS: «${value}».\n` +
        `ADDIN_BASE_URL must start with https://, as Office loads add-ins over HTTPS only: "${value}".`,
    );
  }
  if (!value.endsWith('/')) {
    throw new Error(
      `ADDIN_BASE_URL deve terminare con «/»: usare «${value}/».\n` +
        `ADDIN_BASE_URL must end with "/": use "${value}/".`,
    );
  }
  return value;
}

function rewriteManifestUrls(xml, baseUrl) {
  return xml.split(DEV_BASE_URL).join(baseUrl);
}

module.exports = { DEV_BASE_URL, addinBaseUrl, rewriteManifestUrls };
