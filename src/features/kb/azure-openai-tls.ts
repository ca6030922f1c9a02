import { readFileSync } from 'node:fs';
import { Agent as HttpsAgent } from 'node:https';
import { rootCertificates } from 'node:tls';

/**
 * A keep-alive HTTPS agent for Azure OpenAI calls, trusting the usual roots plus, when given, the CA
 * in `caFile` (AZURE_OPENAI_CA_FILE: a TLS-inspecting proxy, or a local test server). Throws a
 * one-line error naming the setting when the file cannot be read.
 */
export function azureOpenAIAgent(caFile: string | undefined): HttpsAgent {
  if (!caFile) return new HttpsAgent({ keepAlive: true });
  let pem: string;
  try {
    pem = readFileSync(caFile, 'utf8');
  } catch (error) {
    throw new Error(`AZURE_OPENAI_CA_FILE: cannot read ${caFile} (${(error as NodeJS.ErrnoException).code ?? 'unknown error'})`);
  }
  return new HttpsAgent({ keepAlive: true, ca: [...rootCertificates, pem] });
}
