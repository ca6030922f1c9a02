/**
 * Words and phrases that turn a note into an opinion about the customer or the call.
 * Kept as data so a mentor can read and extend it. The little syntax:
 * - matching ignores case and works on whole words ("rude" never matches inside "crude");
 * - a trailing `*` also takes word endings ("rude*" matches rude, rudely, rudeness);
 * - `{a,b,c}` is one of several words ("{is,was} lying");
 * - spaces match any run of whitespace.
 */
export const UNPROFESSIONAL_TERMS: readonly { term: string; kind: 'opinion' | 'feeling' | 'insult' | 'profanity' }[] = [
  // opinions about the customer
  { term: 'rude*', kind: 'opinion' },
  { term: 'annoy*', kind: 'opinion' },
  { term: 'craz{y,ier,iest}', kind: 'opinion' },
  { term: 'insane*', kind: 'opinion' },
  { term: 'ridiculous*', kind: 'opinion' },
  { term: 'nightmare*', kind: 'opinion' },
  { term: 'attitude*', kind: 'opinion' },
  { term: 'obnoxious*', kind: 'opinion' },
  { term: 'pathetic*', kind: 'opinion' },
  { term: 'clueless', kind: 'opinion' },
  { term: 'whin{e,ed,es,ing,y}', kind: 'opinion' },
  { term: 'drama', kind: 'opinion' },
  { term: 'creep{y,s}', kind: 'opinion' },
  { term: 'weirdo*', kind: 'opinion' },
  { term: 'liar*', kind: 'opinion' },
  { term: '{he,she,they,ct,cx,customer,caller,tenant} {is,was,were,are,kept,keeps} lying', kind: 'opinion' },
  { term: 'lying {to,about}', kind: 'opinion' },
  { term: 'lied {to,about}', kind: 'opinion' },
  { term: '{was,is,being} a pain', kind: 'opinion' },
  { term: 'pain in the', kind: 'opinion' },
  { term: 'freak{ed,ing} out', kind: 'opinion' },
  { term: 'threw a fit', kind: 'opinion' },
  { term: '{screamed,yelled,shouted,cursed,cussed,swore} at me', kind: 'opinion' },
  { term: 'rude to me', kind: 'opinion' },
  // the agent's own feelings
  { term: 'I {feel,felt}', kind: 'feeling' },
  { term: 'I {think,thought,believe,guess} {he,she,they,the customer,ct,cx} {is,was,are,were}', kind: 'feeling' },
  { term: 'I was {frustrated,annoyed,upset,offended,scared}', kind: 'feeling' },
  // name-calling
  { term: 'stupid*', kind: 'insult' },
  { term: 'idiot*', kind: 'insult' },
  { term: 'moron*', kind: 'insult' },
  { term: 'dumb', kind: 'insult' },
  { term: 'jerk{,s}', kind: 'insult' },
  { term: 'psycho*', kind: 'insult' },
  { term: 'lunatic*', kind: 'insult' },
  { term: 'lazy', kind: 'insult' },
  // profanity
  { term: 'damn*', kind: 'profanity' },
  { term: 'goddamn*', kind: 'profanity' },
  { term: 'hell', kind: 'profanity' },
  { term: 'crap*', kind: 'profanity' },
  { term: 'shit*', kind: 'profanity' },
  { term: 'bullshit*', kind: 'profanity' },
  { term: 'fuck*', kind: 'profanity' },
  { term: 'wtf', kind: 'profanity' },
  { term: 'piss*', kind: 'profanity' },
  { term: 'bitch*', kind: 'profanity' },
  { term: 'bastard*', kind: 'profanity' },
  { term: 'ass', kind: 'profanity' },
  { term: 'asshole*', kind: 'profanity' },
  { term: 'dumbass*', kind: 'profanity' },
];
