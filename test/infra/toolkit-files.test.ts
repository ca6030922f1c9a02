import { existsSync, readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { INFRA, ROOT, bicepOutputs, bicepParams, placeholders, readBicep, readEnvFile } from './bicep-text';

interface Step {
  uses: string;
  with?: Record<string, unknown>;
  writeToEnvironmentFile?: Record<string, string>;
}
interface ProjectFile {
  version: string;
  environmentFolderPath: string;
  provision: Step[];
  deploy: Step[];
}
interface ParametersFile {
  $schema: string;
  contentVersion: string;
  parameters: Record<string, { value: unknown }>;
}
interface ArmTemplate {
  path: string;
  parameters: string;
  deploymentName: string;
}

const PROJECT_FILE = resolve(ROOT, 'm365agents.yml');
const project = parse(readFileSync(PROJECT_FILE, 'utf8')) as ProjectFile;
const fromProject = (path: string) => resolve(dirname(PROJECT_FILE), path);
const bicep = readBicep();
const declared = bicepParams(bicep);
const armStep = project.provision.find((step) => step.uses === 'arm/deploy');
const templates = (armStep?.with?.templates ?? []) as ArmTemplate[];
const parametersFile = resolve(INFRA, 'azure.parameters.json');
const parameters = JSON.parse(readFileSync(parametersFile, 'utf8')) as ParametersFile;
/** The environment the repository ships for the toolkit. */
const devEnv = readEnvFile(resolve(ROOT, 'env', '.env.dev'));
/** Filled by the toolkit itself (it asks for the subscription and resource group when they are empty). */
const BUILT_IN = ['AZURE_SUBSCRIPTION_ID', 'AZURE_RESOURCE_GROUP_NAME', 'TEAMSFX_ENV'];

describe('infra/azure.parameters.json', () => {
  it('is an ARM deployment parameters file', () => {
    expect(parameters.$schema).toMatch(/deploymentParameters\.json#$/);
    expect(parameters.contentVersion).toBe('1.0.0.0');
    expect(typeof parameters.parameters).toBe('object');
  });

  it('sets only parameters the Bicep declares, with values of their type and allowed values', () => {
    for (const [name, { value }] of Object.entries(parameters.parameters)) {
      const param = declared.find((p) => p.name === name);
      expect(param, `parameter ${name} is declared in azure.bicep`).toBeDefined();
      const jsType = { string: 'string', bool: 'boolean', int: 'number', object: 'object', array: 'object' }[param!.type];
      expect(typeof value, `type of ${name}`).toBe(jsType);
      if (param!.allowed) expect(param!.allowed, `allowed values of ${name}`).toContain(value);
    }
  });

  it('sets every parameter that has no default', () => {
    const required = declared.filter((p) => p.defaultValue === undefined).map((p) => p.name);
    expect(required).toContain('resourceBaseName');
    for (const name of required) expect(parameters.parameters, `parameter ${name}`).toHaveProperty(name);
  });

  it('gives, with env/.env.dev, a base name every resource name can be made from', () => {
    const raw = parameters.parameters.resourceBaseName!.value as string;
    const filled = raw.replace(/\$\{\{\s*(\w+)\s*\}\}/g, (_, name: string) => devEnv[name] ?? '');
    expect(filled).toMatch(/^[a-z0-9][a-z0-9-]{2,19}$/i);
  });
});

describe('m365agents.yml', () => {
  it('parses, and provision deploys the Bicep with its parameters file', () => {
    expect(project.version).toMatch(/^v\d+\.\d+$/);
    expect(existsSync(fromProject(project.environmentFolderPath))).toBe(true);
    expect(armStep, 'an arm/deploy step in provision').toBeDefined();
    expect(armStep!.with!.subscriptionId).toBe('${{AZURE_SUBSCRIPTION_ID}}');
    expect(armStep!.with!.resourceGroupName).toBe('${{AZURE_RESOURCE_GROUP_NAME}}');
    expect(templates).toHaveLength(1);
    const [template] = templates;
    expect(fromProject(template!.path)).toBe(resolve(INFRA, 'azure.bicep'));
    expect(fromProject(template!.parameters)).toBe(parametersFile);
    expect(existsSync(fromProject(template!.path))).toBe(true);
    expect(existsSync(fromProject(template!.parameters))).toBe(true);
    expect(template!.deploymentName).toBeTruthy();
  });

  it('creates no client secret and no second bot registration: the Bicep makes the bot', () => {
    const uses = project.provision.map((step) => step.uses);
    expect(uses).not.toContain('botAadApp/create');
    expect(uses).not.toContain('aadApp/create');
    expect(uses).not.toContain('botFramework/create');
    expect(uses.indexOf('arm/deploy')).toBeLessThan(uses.indexOf('teamsApp/zipAppPackage'));
  });

  it('deploys the code to the App Service the Bicep outputs, leaving local files out', () => {
    const zipDeploy = project.deploy.find((step) => step.uses === 'azureAppService/zipDeploy');
    expect(zipDeploy, 'an azureAppService/zipDeploy step in deploy').toBeDefined();
    expect(zipDeploy!.with!.artifactFolder).toBe('.');
    expect(zipDeploy!.with!.resourceId).toBe('${{BOT_AZURE_APP_SERVICE_RESOURCE_ID}}');
    expect(bicepOutputs(bicep)).toContain('BOT_AZURE_APP_SERVICE_RESOURCE_ID');
    const ignoreFile = fromProject(String(zipDeploy!.with!.ignoreFile));
    expect(existsSync(ignoreFile), `${ignoreFile} exists`).toBe(true);
    const patterns = readFileSync(ignoreFile, 'utf8').split('\n').map((line) => line.trim()).filter((line) => line && !line.startsWith('#'));
    const ignored = (path: string) => patterns.some((pattern) => globToRegExp(pattern).test(path));
    for (const path of ['node_modules', '.env', 'env', '.localConfigs', '.localConfigs.playground', '.data', '.git']) {
      expect(ignored(path), `${path} stays out of the upload`).toBe(true);
    }
    for (const path of ['package.json', 'package-lock.json', '.npmrc', 'src', 'kb', 'patches', 'tsconfig.json']) {
      expect(ignored(path), `${path} is uploaded (npm install and npm start need it)`).toBe(false);
    }
  });

  it('uses only values that exist when each step runs (env/.env.dev, built-ins, earlier steps)', () => {
    const available = new Set([...BUILT_IN, ...Object.entries(devEnv).filter(([, value]) => value !== '').map(([name]) => name)]);
    const manifest = readFileSync(resolve(ROOT, 'appPackage', 'manifest.json'), 'utf8');
    for (const step of [...project.provision, ...project.deploy]) {
      let used = placeholders(JSON.stringify(step.with ?? {}));
      if (step.uses === 'arm/deploy') used = [...used, ...placeholders(readFileSync(parametersFile, 'utf8'))];
      if (step.uses.startsWith('teamsApp/') && step.uses !== 'teamsApp/create') used = [...used, ...placeholders(manifest)];
      for (const name of used) expect(available, `${name} is set before ${step.uses}`).toContain(name);
      for (const name of Object.values(step.writeToEnvironmentFile ?? {})) available.add(name);
      if (step.uses === 'arm/deploy') for (const name of bicepOutputs(bicep)) available.add(name);
    }
  });
});

/** A gitignore-style pattern (the subset infra/.webappignore uses) as a test for a top-level path. */
function globToRegExp(pattern: string): RegExp {
  const body = pattern
    .replace(/^\//, '')
    .replace(/\/$/, '')
    .replace(/[.+^${}()|[\]\\]/g, '\\$&')
    .replace(/\*/g, '[^/]*');
  return new RegExp(`^${body}$`);
}
