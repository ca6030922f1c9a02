import { copyFile, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadKb, type LoadedKb } from '../../src/features/kb/ingest/load-kb';
import { parseHtml } from '../../src/features/kb/ingest/html';
import { checkArticles } from '../../src/features/kb/kb-check';
import { loadKbSnapshot } from '../../src/features/kb/kb.loader';
import type { Article, Section } from '../../src/features/kb/kb.schemas';

const FIXTURES = resolve(__dirname, 'fixtures');
const SAMPLE_KB = resolve(__dirname, '../../kb');
const SEEDS = resolve(__dirname, '../../../shared/seeds');

const tempDirs: string[] = [];
async function tempKb(files: Record<string, string | Buffer>): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'deskmate-kb-ingest-'));
  tempDirs.push(dir);
  for (const [name, content] of Object.entries(files)) await writeFile(join(dir, name), content);
  return dir;
}
afterAll(async () => {
  await Promise.all(tempDirs.map((d) => rm(d, { recursive: true, force: true })));
});

function article(kb: LoadedKb, path: string): Article {
  const found = kb.articles.find((a) => a.path === path);
  if (!found) throw new Error(`no article ${path}; have ${kb.articles.map((a) => a.path).join(', ')}`);
  return found;
}

function sectionUnder(a: Article, heading: string): Section {
  const found = a.sections.find((s) => s.headingPath[s.headingPath.length - 1] === heading);
  if (!found) throw new Error(`no section "${heading}" in ${a.path}; have ${a.sections.map((s) => s.headingPath.join(' › ')).join(' | ')}`);
  return found;
}

describe('markdown articles', () => {
  let kb: LoadedKb;
  let climate: Article;
  beforeAll(async () => {
    const dir = await tempKb({});
    await copyFile(join(FIXTURES, 'climate-units.md'), join(dir, 'climate-units.md'));
    kb = await loadKb(dir);
    climate = article(kb, 'climate-units.md');
  });

  it('takes title, url and updated from the front matter', () => {
    expect(kb.problems).toEqual([]);
    expect(climate.title).toBe('Climate-Controlled Units');
    expect(climate.url).toBe('https://help.example.test/units/climate-controlled');
    expect(climate.updated).toBe('2026-01-15');
    expect(climate.source).toBe('kb');
  });

  it('keeps the intro under the article itself and the # title out of the sections', () => {
    const intro = climate.sections[0]!;
    expect(intro.headingPath).toEqual([]);
    expect(intro.text).toContain('55 and 80 degrees');
    expect(climate.sections.some((s) => s.headingPath.includes('Climate-Controlled Units'))).toBe(false);
  });

  it('builds heading paths from ## and ### headings', () => {
    expect(sectionUnder(climate, 'Who should rent one').headingPath).toEqual(['Who should rent one']);
    const humidity = sectionUnder(climate, 'Humidity questions');
    expect(humidity.headingPath).toEqual(['Who should rent one', 'Humidity questions']);
    expect(humidity.text).toContain('maintenance task');
    // Text under a heading stays in that heading's section only.
    expect(sectionUnder(climate, 'Who should rent one').text).not.toContain('maintenance task');
  });

  it('keeps a list with the heading it sits under, bullets shown as "•"', () => {
    const who = sectionUnder(climate, 'Who should rent one');
    const lines = who.text.split('\n').map((l) => l.trim());
    expect(lines).toContain('• wooden furniture or a piano');
    expect(lines).toContain('• photographs, papers and artwork');
    expect(lines).toContain('• laptops and other electronics');
    expect(who.text).not.toMatch(/^\s*[-*]\s/m);
  });

  it('gives each section an anchor and a url of front matter url + #anchor, unique within the article', () => {
    const humidity = sectionUnder(climate, 'Humidity questions');
    expect(humidity.anchor).toBe('humidity-questions');
    expect(humidity.url).toBe('https://help.example.test/units/climate-controlled#humidity-questions');
    expect(humidity.id).toBe('climate-units.md#humidity-questions');
    const anchors = climate.sections.map((s) => s.anchor);
    expect(new Set(anchors).size).toBe(anchors.length);
    const pricing = climate.sections.filter((s) => s.headingPath[0] === 'Pricing');
    expect(pricing).toHaveLength(2);
    expect(pricing[0]!.anchor).toBe('pricing');
    expect(pricing[1]!.anchor).not.toBe('pricing');
    for (const s of climate.sections) expect(s.url).toBe(`https://help.example.test/units/climate-controlled#${s.anchor}`);
  });

  it('does not read "#" lines inside a fenced code block as headings', () => {
    const headings = climate.sections.flatMap((s) => s.headingPath);
    expect(headings.some((h) => h.includes('Surcharge lookup'))).toBe(false);
    expect(headings).not.toContain('Nor is this one');
    const pricing = climate.sections.find((s) => s.headingPath[0] === 'Pricing' && s.text.includes('monthly surcharge'))!;
    expect(pricing.text).toContain('# Surcharge lookup');
    expect(pricing.text).toContain('## Nor is this one');
  });

  it('uses the first # heading as the title when there is no front matter, and the file date as updated', async () => {
    const dir = await tempKb({ 'no-front-matter.md': '# Boat Storage Basics\n\nBoats are stored in the covered lot behind the office.\n\n## Trailers\n- trailers need a hitch lock\n' });
    const loaded = await loadKb(dir);
    const boat = article(loaded, 'no-front-matter.md');
    expect(boat.title).toBe('Boat Storage Basics');
    expect(boat.url).toBeUndefined();
    expect(boat.updated).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(sectionUnder(boat, 'Trailers').text).toBe('• trailers need a hitch lock');
    expect(sectionUnder(boat, 'Trailers').url).toBeUndefined();
  });

  it('builds section urls from baseUrl when an article has no url of its own', async () => {
    const dir = await tempKb({ 'parking.md': '# Parking\n\n## Visitor spots\nVisitors park in the marked spots by the office.\n' });
    const loaded = await loadKb(dir, { baseUrl: 'https://kb.example.test/' });
    expect(sectionUnder(article(loaded, 'parking.md'), 'Visitor spots').url).toBe('https://kb.example.test/parking.md#visitor-spots');
  });

  it('reports a file with broken YAML front matter and still loads the others', async () => {
    const dir = await tempKb({
      'broken.md': '---\ntitle: "Moving Day Checklist\nurl: [unclosed\n---\n# Moving Day\nBring the lease and a photo ID on moving day.\n',
      'good.md': '# Insurance\n\n## Proof of insurance\nEvery rental needs proof of insurance before move-in.\n',
    });
    const loaded = await loadKb(dir);
    expect(loaded.articles.map((a) => a.path)).toEqual(['good.md']);
    expect(loaded.problems).toHaveLength(1);
    expect(loaded.problems[0]!.path).toBe('broken.md');
    expect(loaded.problems[0]!.problem).toMatch(/could not be read/);
  });
});

describe('HTML articles', () => {
  let page: Article;
  beforeAll(async () => {
    const dir = await tempKb({});
    await copyFile(join(FIXTURES, 'access-hours.html'), join(dir, 'access-hours.html'));
    const kb = await loadKb(dir);
    expect(kb.problems).toEqual([]);
    page = article(kb, 'access-hours.html');
  });

  it('takes the title from the page heading and the url from the canonical link', () => {
    expect(page.title).toBe('Unit Access Hours');
    expect(page.url).toBe('https://help.example.test/access/hours');
  });

  it('makes sections from h2 and h3, with the text under each', () => {
    expect(page.sections[0]!.headingPath).toEqual([]);
    expect(page.sections[0]!.text).toContain('6 a.m. to 10 p.m.');
    expect(sectionUnder(page, 'Extended access').headingPath).toEqual(['Extended access']);
    expect(sectionUnder(page, 'Checking the plan').headingPath).toEqual(['Extended access', 'Checking the plan']);
    expect(sectionUnder(page, 'Public holidays').text).toContain('office is closed');
    expect(sectionUnder(page, 'Checking the plan').url).toBe('https://help.example.test/access/hours#checking-the-plan');
  });

  it('turns list items into "•" bullets, inline markup kept as text', () => {
    const lines = sectionUnder(page, 'Extended access').text.split('\n').map((l) => l.trim());
    expect(lines).toContain('• from 5 a.m. on weekdays');
    expect(lines).toContain('• until midnight on weekends');
  });

  it('drops header, nav, footer, scripts, styles and feedback prompts', () => {
    const all = page.sections.map((s) => `${s.headingPath.join(' ')}\n${s.text}`).join('\n');
    for (const chrome of ['Sign in to your account', 'Home page link', 'Billing topics', 'Copyright', 'cookie settings', 'analytics snippet', 'color: red', 'Was this article helpful', 'Example Storage Help Center']) {
      expect(all).not.toContain(chrome);
    }
  });

  it('falls back to <title> when the page has no h1', () => {
    const parsed = parseHtml('<html><head><title>Lost Keys</title></head><body><h2>Replacing a lock</h2><p>The customer buys a new lock at the office.</p></body></html>');
    expect(parsed.title).toBe('Lost Keys');
    expect(parsed.sections.some((s) => s.heading === 'Replacing a lock')).toBe(true);
  });
});

describe('plain-text help-center exports (/work/shared/seeds)', () => {
  let kb: LoadedKb;
  const byTitle = (title: string) => {
    const found = kb.articles.find((a) => a.title === title);
    if (!found) throw new Error(`no article titled "${title}"; have ${kb.articles.map((a) => a.title).join(' | ')}`);
    return found;
  };
  beforeAll(async () => {
    kb = await loadKb(SEEDS);
  });

  it('reads every export without problems', () => {
    expect(kb.problems).toEqual([]);
    expect(kb.articles.length).toBeGreaterThanOrEqual(5);
  });

  it('finds the real title of each export, past the page chrome and author lines', () => {
    const titles = kb.articles.map((a) => a.title);
    for (const title of [
      'Policy Refresher: Accounts Handling (Tasks & Notes)',
      'Customer Card Information',
      'Customer Service Policies: Notes Policy - ER',
      'Customer Onboard: The Onboard',
      'Managing Customer Accounts',
    ]) {
      expect(titles).toContain(title);
    }
  });

  it('keeps page chrome, author and date lines out of every section', () => {
    const phrases = [
      'Skip to main content',
      'Document toolbox',
      'Did this answer your question',
      'Start designing with a free template',
      'Get started free',
      'Want to create interactive content',
      'Discover more than',
      'Return to the main support page',
      'Download PDF Outline',
      'Recently Viewed',
      'Written by',
      'Posted by',
      'Created on',
      'updated 10 days ago',
      'Updated over 6 months ago',
      'avatar',
      'Need help? Contact',
    ].map((p) => p.toLowerCase());
    const wholeLines = ['transcript', 'start', 'next', 'restart', 'home'];
    for (const a of kb.articles) {
      for (const s of a.sections) {
        const shown = `${s.headingPath.join('\n')}\n${s.text}`;
        for (const p of phrases) expect(shown.toLowerCase(), `${s.id} shows "${p}"`).not.toContain(p);
        for (const line of shown.split('\n')) expect(wholeLines, `${s.id} has a chrome line "${line.trim()}"`).not.toContain(line.trim().toLowerCase());
      }
    }
  });

  it('recognises headings of the exports in heading paths', () => {
    const card = byTitle('Customer Card Information');
    const cardHeadings = card.sections.flatMap((s) => s.headingPath);
    expect(cardHeadings).toEqual(expect.arrayContaining(['Tab Section', 'Contact Header', 'Collections', 'Unit Details', 'Notes', 'Close']));
    const accounts = byTitle('Managing Customer Accounts');
    const accountHeadings = accounts.sections.flatMap((s) => s.headingPath);
    expect(accountHeadings).toEqual(expect.arrayContaining(['Contact Details', 'Late Payments', 'Lost Access Code']));
    const notes = byTitle('Customer Service Policies: Notes Policy - ER');
    expect(notes.sections.flatMap((s) => s.headingPath)).toEqual(expect.arrayContaining(['Notes in Pando', 'Reason', 'Resolution', 'Example Note Scenario']));
    const onboard = byTitle('Customer Onboard: The Onboard');
    expect(onboard.sections.flatMap((s) => s.headingPath)).toEqual(expect.arrayContaining(['Part 1 – Customer Confirmations', 'Closing']));
    const quiz = byTitle('Policy Refresher: Accounts Handling (Tasks & Notes)');
    expect(quiz.sections.flatMap((s) => s.headingPath)).toEqual(expect.arrayContaining(['Convenience fee', 'Gate Issues']));
  });

  it('keeps the text under the heading it belongs to', () => {
    const unitDetails = sectionUnder(byTitle('Customer Card Information'), 'Unit Details');
    // "Unit Details - <lead sentence>" followed by bullets: the lead sentence and the bullets stay together.
    expect(unitDetails.text).toContain('listed separately if multiple units are rented');
    expect(unitDetails.text).toContain('• (AA) Unit Description');
    expect(sectionUnder(byTitle('Customer Card Information'), 'Collections').text).toContain('• (R) Start Collection Event');
    expect(sectionUnder(byTitle('Customer Card Information'), 'Collections').text).not.toContain('(AA) Unit Description');
    const lostCode = sectionUnder(byTitle('Managing Customer Accounts'), 'Lost Access Code');
    expect(lostCode.text).toContain('Verify customer identity');
    expect(lostCode.text).not.toContain('Check facility access hours');
  });

  it('keeps bullets as "•" in the section text', () => {
    const tabs = sectionUnder(byTitle('Customer Card Information'), 'Tab Section');
    const bulletLines = tabs.text.split('\n').filter((l) => l.trim().startsWith('• '));
    expect(bulletLines.length).toBeGreaterThanOrEqual(3);
    expect(tabs.text).toContain('• (A) Lead');
    const late = sectionUnder(byTitle('Managing Customer Accounts'), 'Late Payments');
    expect(late.text.split('\n').map((l) => l.trim())).toContain('• Review payment history');
    const resolution = sectionUnder(byTitle('Customer Service Policies: Notes Policy - ER'), 'Resolution');
    expect(resolution.text.trim().startsWith('•')).toBe(true);
  });

  it('does not turn the Genially template adverts into headings', () => {
    const quiz = byTitle('Policy Refresher: Accounts Handling (Tasks & Notes)');
    const shown = quiz.sections.map((s) => `${s.headingPath.join(' › ')}\n${s.text}`).join('\n');
    for (const advert of ['Teaching Challenge: Transform Your Classroom', 'Branching Scenario: Digital Alert', 'Choose Your Own Story', 'Simple Branching Scenario Mobile']) {
      expect(shown).not.toContain(advert);
    }
  });
});

describe('files that cannot be used', () => {
  it('reports a binary (NUL) file and a file over 2 MB, skips them, and loads the rest', async () => {
    const dir = await tempKb({
      'binary.md': Buffer.from([0x23, 0x20, 0x41, 0x00, 0x01, 0x02, 0x00, 0x0a]),
      'huge.txt': `Huge Export\n\n${'x'.repeat(2 * 1024 * 1024 + 10)}\n`,
      'empty.md': '\n\n',
      'fine.md': '# Pest Control\n\n## Reporting pests\nCreate a maintenance task when a customer reports pests in a unit.\n',
      'notes.pdf': 'not a KB format, ignored',
    });
    const loaded = await loadKb(dir);
    expect(loaded.articles.map((a) => a.path)).toEqual(['fine.md']);
    const byPath = Object.fromEntries(loaded.problems.map((p) => [p.path, p.problem]));
    expect(byPath['binary.md']).toMatch(/could not be read: not a text file/);
    expect(byPath['huge.txt']).toMatch(/could not be read: larger than 2 MB/);
    expect(byPath['empty.md']).toMatch(/could not be read: has no text/);
    expect(byPath['fine.md']).toBeUndefined();
  });

  it('rejects when the KB folder does not exist', async () => {
    await expect(loadKb(join(tmpdir(), `deskmate-no-such-kb-${Date.now()}`))).rejects.toThrow();
    await expect(loadKbSnapshot(join(tmpdir(), `deskmate-no-such-kb-${Date.now()}`))).rejects.toThrow();
  });
});

describe('synonyms.yml', () => {
  const article = '# Wine Storage\n\n## Temperature\nWine lockers are kept at a steady 55 degrees all year.\n';

  it('loads valid groups', async () => {
    const loaded = await loadKb(await tempKb({ 'synonyms.yml': 'groups:\n  - [wine locker, wine cellar, cellar]\n', 'wine.md': article }));
    expect(loaded.problems).toEqual([]);
    expect(loaded.synonyms).toEqual([['wine locker', 'wine cellar', 'cellar']]);
  });

  for (const [name, content] of [
    ['a group with a single term', 'groups:\n  - [lonely]\n'],
    ['groups that are not a list', 'groups: not-a-list\n'],
    ['no groups key', 'synonyms:\n  - [a, b]\n'],
    ['a YAML syntax error', 'groups:\n  - [unclosed, list\n'],
  ] as const) {
    it(`reports ${name} as a problem and still loads the articles`, async () => {
      const loaded = await loadKb(await tempKb({ 'synonyms.yml': content, 'wine.md': article }));
      expect(loaded.problems.map((p) => p.path)).toEqual(['synonyms.yml']);
      expect(loaded.problems[0]!.problem).toMatch(/could not be read/);
      expect(loaded.synonyms).toEqual([]);
      expect(loaded.articles.map((a) => a.path)).toEqual(['wine.md']);
    });
  }

  it('says what is wrong with an invalid synonyms file', async () => {
    const loaded = await loadKb(await tempKb({ 'synonyms.yml': 'groups:\n  - [lonely]\n', 'wine.md': article }));
    expect(loaded.problems[0]!.problem).toMatch(/could not be read: .*[a-z]{3,}/i);
  });
});

describe('kb check (checkArticles)', () => {
  it('reports duplicate titles, articles with no headings and near-empty sections', async () => {
    const dir = await tempKb({
      'a-billing.md': '# Billing Basics\n\n## Due dates\nRent is due on the first day of every month.\n',
      'b-billing.md': '---\ntitle: billing basics\n---\n\n## Late fees\nA late fee is added five days after the due date.\n',
      'flat.md': '# Flat Article\n\nOne long block of text without any heading below the title, which is hard to cite.\n',
      'thin.md': '# Thin Article\n\n## Filled\nThis section has enough words to be useful to an agent.\n\n## Placeholder\nTBD\n\n## Bullets only\n- •  abcdefghijklmn\n\n## Just enough\nabcdefghijklmno\n',
    });
    const loaded = await loadKb(dir);
    expect(loaded.problems).toEqual([]);
    const problems = checkArticles(loaded.articles);
    const of = (path: string) => problems.filter((p) => p.path === path).map((p) => p.problem);
    expect(of('a-billing.md').some((p) => p.includes('same title') && p.includes('b-billing.md'))).toBe(true);
    expect(of('b-billing.md').some((p) => p.includes('same title') && p.includes('a-billing.md'))).toBe(true);
    expect(of('flat.md').some((p) => p.includes('no headings'))).toBe(true);
    // Fewer than 15 characters besides spaces and bullets is near-empty; 15 is enough.
    expect(of('thin.md')).toHaveLength(2);
    expect(of('thin.md')[0]).toMatch(/Placeholder.*empty/);
    expect(of('thin.md')[1]).toMatch(/Bullets only.*empty/);
    // A healthy article with headings is not flagged.
    expect(of('a-billing.md').some((p) => p.includes('no headings') || p.includes('empty'))).toBe(false);
  });

  it('loadKbSnapshot merges file problems and content problems', async () => {
    const dir = await tempKb({
      'bad.md': Buffer.from([0x00, 0x00]),
      'flat.md': '# Flat Article\n\nOne long block of text without any heading below the title, which is hard to cite.\n',
    });
    const snapshot = await loadKbSnapshot(dir);
    expect(snapshot.problems.map((p) => p.path).sort()).toEqual(['bad.md', 'flat.md']);
    expect(snapshot.loadedAt).toBeInstanceOf(Date);
  });

  it('the sample KB loads with every file read and no duplicate section ids', async () => {
    const snapshot = await loadKbSnapshot(SAMPLE_KB);
    expect(snapshot.problems.filter((p) => p.problem.startsWith('could not be read'))).toEqual([]);
    expect(snapshot.articles.length).toBeGreaterThanOrEqual(20);
    expect(snapshot.synonyms.length).toBeGreaterThan(10);
    const ids = snapshot.articles.flatMap((a) => a.sections.map((s) => s.id));
    expect(new Set(ids).size).toBe(ids.length);
    for (const a of snapshot.articles) {
      expect(a.title.length).toBeGreaterThan(0);
      expect(a.sections.length).toBeGreaterThan(0);
    }
  });
});
