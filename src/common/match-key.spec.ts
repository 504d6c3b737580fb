import { matchKey } from './match-key';

describe('matchKey', () => {
  it('ignores accents, case and outer spaces', () => {
    expect(matchKey('  SÉGOU ')).toBe(matchKey('Ségou'));
    expect(matchKey('Ménaka')).toBe('menaka');
  });

  it('keeps letters that are not accented Latin ones apart', () => {
    expect(matchKey('Sɛgu')).toBe('sɛgu');
    expect(matchKey('Segou')).not.toBe(matchKey('Segu'));
  });
});
