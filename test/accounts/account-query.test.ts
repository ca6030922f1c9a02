import { describe, expect, it } from 'vitest';
import { accountSearchText, looksLikeAccountKey, parseAccountQuery } from '../../src/features/accounts/account-query';

describe('parseAccountQuery', () => {
  it.each([
    '(503) 555-0134',
    '503.555.0134',
    '503-555-0134',
    '503 555 0134',
    '5035550134',
    '+1 503 555 0134',
    '+1 (503) 555-0134',
    '1-503-555-0134',
    '15035550134',
    '  phone: 503-555-0134 ',
    'tel 503.555.0134',
    'phone number (503) 555 0134',
  ])('reads the phone %j as 10 digits', (text) => {
    expect(parseAccountQuery(text)).toEqual({ kind: 'phone', digits: '5035550134' });
  });

  it.each(['555-0134', '503-555-013', '25035550134', '+44 20 7946 0958', '+503 555 0134', '503-555-0134 ext 2', '503-555-0134-1', 'phone 1234567'])(
    'does not take %j for a phone',
    (text) => {
      expect(parseAccountQuery(text)?.kind).not.toBe('phone');
    },
  );

  it.each([
    ['Lea.Belanger@Example.COM', 'lea.belanger@example.com'],
    ['  jsmith@example.net ', 'jsmith@example.net'],
    ['email: Maria_Garcia70@example.org', 'maria_garcia70@example.org'],
    ['E-mail O.Neill+storage@Example.com', 'o.neill+storage@example.com'],
  ])('reads the email %j in lower case', (text, address) => {
    expect(parseAccountQuery(text)).toEqual({ kind: 'email', address });
  });

  it.each(['a@b', '@example.com', 'jo smith@example.com', 'jo@@example.com', 'email bob'])('does not take %j for an email', (text) => {
    expect(parseAccountQuery(text)?.kind).not.toBe('email');
  });

  it.each([
    ['B112', { unitId: 'B112' }],
    ['b112', { unitId: 'B112' }],
    ['unit B112', { unitId: 'B112' }],
    ['Unit #a07', { unitId: 'A07' }],
    ['P3', { unitId: 'P3' }],
    ['W05', { unitId: 'W05' }],
    ['d12', { unitId: 'D12' }],
    ['PDX1 B112', { unitId: 'B112', locationId: 'PDX1' }],
    ['PDX1:B112', { unitId: 'B112', locationId: 'PDX1' }],
    ['pdx1/b112', { unitId: 'B112', locationId: 'PDX1' }],
    ['PDX1 unit B112', { unitId: 'B112', locationId: 'PDX1' }],
    ['b112 at PDX1', { unitId: 'B112', locationId: 'PDX1' }],
    ['unit E41 at mtl1', { unitId: 'E41', locationId: 'MTL1' }],
    ['B112 @ SEA1', { unitId: 'B112', locationId: 'SEA1' }],
    ['C14 in DEN1', { unitId: 'C14', locationId: 'DEN1' }],
  ])('reads the unit %j', (text, unit) => {
    expect(parseAccountQuery(text)).toEqual({ kind: 'unit', ...unit });
  });

  it.each(['B1122', 'BB112', 'PDX1', 'B112 at', 'at PDX1', 'B112 PDX1 C14', 'A1 B12', 'unit'])('does not take %j for a unit', (text) => {
    expect(parseAccountQuery(text)?.kind).not.toBe('unit');
  });

  it.each([
    ['1234567', '1234567'],
    ['123456', '123456'],
    ['123456789', '123456789'],
    ['#1234567', '1234567'],
    ['acct 1234567', '1234567'],
    ['Account #: 7654321', '7654321'],
    ['id 5035550134', '5035550134'],
  ])('reads the account id %j', (text, id) => {
    expect(parseAccountQuery(text)).toEqual({ kind: 'id', id });
  });

  it('settles digit counts: 6-9 are ids, 10 and 11 with a leading 1 are phones, others nothing', () => {
    expect(parseAccountQuery('12345')).toBeUndefined();
    expect(parseAccountQuery('1234567890')).toEqual({ kind: 'phone', digits: '1234567890' });
    expect(parseAccountQuery('12345678901')).toEqual({ kind: 'phone', digits: '2345678901' });
    expect(parseAccountQuery('22345678901')).toBeUndefined();
    expect(parseAccountQuery('123 4567')).toBeUndefined();
  });

  it.each(['Léa Bélanger', 'belanger lea', "O'Brien", 'O’Neill, Siobhan', 'St. James', 'Marie-Ève Gagnon', 'what is a unit', 'Jo'])('reads %j as a name', (text) => {
    expect(parseAccountQuery(text)).toEqual({ kind: 'name', text: text.trim() });
  });

  it.each(['', '   ', 'a', '???', 'PDX1', 'is unit B112 delinquent', 'call 503-555-0134 today', 'what is the gate code?', 'x'.repeat(121), '12:30'])(
    'reads %j as nothing',
    (text) => {
      expect(parseAccountQuery(text)).toBeUndefined();
    },
  );
});

describe('looksLikeAccountKey', () => {
  it.each(['B112', 'PDX1 B112', 'unit b112 at pdx1', '(503) 555-0134', '+1 503 555 0134', 'lea@example.com', '1234567', 'acct #1234567'])('is true for %j', (text) => {
    expect(looksLikeAccountKey(text)).toBe(true);
  });

  it.each(['Léa Bélanger', 'what is a unit', 'is unit B112 delinquent', 'how do I waive a late fee', 'PDX1', '', 'hello', 'B112?', 'auction tomorrow for B112', '12345'])(
    'is false for %j',
    (text) => {
      expect(looksLikeAccountKey(text)).toBe(false);
    },
  );
});

describe('accountSearchText', () => {
  it.each([
    ['find Lea Park', 'Lea Park'],
    ['acct #1234567', '#1234567'],
    ['Account  O\'Brien', 'O\'Brien'],
    ['find unit B112 at PDX1', 'unit B112 at PDX1'],
    ['account Mary Ann St. James', 'Mary Ann St. James'],
  ])('reads %j as a search for %j', (message, wanted) => {
    expect(accountSearchText(message)).toBe(wanted);
  });

  it.each([
    'acct popped up in the failsafe audit, cant figure out the reason, what do i pick',
    'find out what a lien is',
    'find the gate code',
    'account on hold',
    'account number on the receipt?',
    'accounts',
    'find',
    'refind Lea',
  ])('leaves %j to the KB (a sentence or no search text)', (message) => {
    expect(accountSearchText(message)).toBeUndefined();
  });
});
