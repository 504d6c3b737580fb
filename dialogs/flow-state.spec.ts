import { clearSlot, emptyFlow, Flow, nextSlot } from './flow-state';

describe('flow state', () => {
  const filled = (): Flow => ({
    ...emptyFlow(),
    lang: 'fr',
    consent: true,
    needs: ['employment', 'food'],
    pending: ['employment', 'food'],
    place: { name: 'Kayes', region: 'Kayes' },
  });

  it('asks only what is missing, in order', () => {
    expect(nextSlot(emptyFlow())).toBe('language');
    expect(nextSlot({ ...filled(), consent: undefined })).toBe('consent');
    expect(nextSlot({ ...filled(), needs: [], pending: [] })).toBe('needs');
    expect(nextSlot({ ...filled(), place: undefined })).toBe('place');
    expect(nextSlot(filled())).toBe('choice');
    expect(nextSlot({ ...filled(), pending: [] })).toBeNull();
  });

  it('offers the previous answers before anything else after 24 h', () => {
    expect(nextSlot({ ...filled(), resume: true })).toBe('resume');
  });

  it('clears one answer and what depends on it', () => {
    const sut = filled();
    clearSlot(sut, 'needs');
    expect([sut.needs, sut.pending, sut.place?.name]).toEqual([[], [], 'Kayes']);
    clearSlot(sut, 'place');
    expect(sut.place).toBeUndefined();
    clearSlot(sut, 'choice');
    expect(sut.lang).toBe('fr');
  });
});
