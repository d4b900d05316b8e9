// HTTPS for `npm start`: Office only loads add-ins over HTTPS, from a certificate the browser or
// Office trusts. office-addin-dev-certs creates a development CA and a localhost certificate and
// installs the CA; where installing cannot be done here (on Linux it needs sudo), the server
// still starts with the generated certificate (or webpack-dev-server's own) and says how to trust
// it. office-addin-usage-data 3, used by office-addin-dev-certs, no longer collects or sends
// anything and never prompts, so nothing here waits for an answer.
'use strict';

const fs = require('node:fs');
const devCerts = require('office-addin-dev-certs');
const defaults = require('office-addin-dev-certs/lib/defaults');

function trustInstructions(caPath) {
  const lines = [
    '',
    'Il certificato di sviluppo non è considerato attendibile: Excel non caricherà il riquadro da https://localhost:3000',
    'finché non lo sarà. / The development certificate is not trusted: Excel will not load the pane from',
    'https://localhost:3000 until it is.',
  ];
  if (caPath !== undefined && process.platform === 'linux') {
    lines.push(
      'Linux (sistema / system):',
      `  sudo mkdir -p /usr/local/share/ca-certificates/office-addin-dev-certs`,
      `  sudo cp "${caPath}" /usr/local/share/ca-certificates/office-addin-dev-certs/`,
      `  sudo update-ca-certificates`,
      'Chrome, Chromium, Edge (NSS, senza sudo / without sudo; certutil: apt-get install libnss3-tools):',
      `  certutil -d sql:$HOME/.pki/nssdb -A -t "C,," -n "Developer CA for Microsoft Office Add-ins" -i "${caPath}"`,
      'Firefox: Impostazioni › Privacy e sicurezza › Certificati › Importa / Settings › Privacy & Security › Certificates › Import',
      `  "${caPath}" (autorità di certificazione per siti web / trust to identify websites)`,
    );
  } else if (caPath !== undefined) {
    lines.push(`Installare come autorità attendibile / Install as a trusted root: "${caPath}"`, '  npx office-addin-dev-certs install');
  } else {
    lines.push(
      'Aprire https://localhost:3000/taskpane.html nello stesso browser di Excel sul web e accettare il certificato.',
      'Open https://localhost:3000/taskpane.html in the browser running Excel on the web and accept the certificate.',
    );
  }
  return lines.join('\n');
}

function readGeneratedCertificate() {
  try {
    return {
      ca: fs.readFileSync(defaults.caCertificatePath),
      cert: fs.readFileSync(defaults.localhostCertificatePath),
      key: fs.readFileSync(defaults.localhostKeyPath),
    };
  } catch {
    return undefined;
  }
}

/** The webpack-dev-server `server` option for the add-in's HTTPS development server. */
async function httpsServer() {
  try {
    return { type: 'https', options: await devCerts.getHttpsServerOptions() };
  } catch (error) {
    console.warn(`office-addin-dev-certs: ${error instanceof Error ? error.message : String(error)}`);
    const generated = readGeneratedCertificate();
    console.warn(trustInstructions(generated === undefined ? undefined : defaults.caCertificatePath));
    return generated === undefined ? 'https' : { type: 'https', options: generated };
  }
}

module.exports = { httpsServer };
