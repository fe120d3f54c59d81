import { describe, expect, it } from 'vitest';
import { latinKey, nameKey } from '../../src/identity/name-key.js';

describe('name keys', () => {
  it('keeps the letters of a Cyrillic and a Thai name, and of a Chinese one', () => {
    expect(nameKey('Сергей ИВАНОВ')).toBe('иванов сергей');
    expect(nameKey('ทักษิณ ชินวัตร')).toBe('ชินวัตร ทักษิณ');
    expect(nameKey('张伟')).toBe('张伟');
    expect(nameKey('محمد علي')).toBe('علي محمد');
  });
  it('folds case, accents of Latin letters, width and word order', () => {
    expect(nameKey('ZHANG, Wei')).toBe('wei zhang');
    expect(nameKey('Søren  Müller-Straße')).toBe('muller soren strasse');
    expect(nameKey('ＷＥＩ　Ｚｈａｎｇ')).toBe('wei zhang');
    expect(nameKey(' ... ')).toBeNull();
  });
  it('writes Han names in pinyin and other scripts in Latin letters for the Latin key', () => {
    expect(latinKey('张伟')).toBe('wei zhang');
    expect(latinKey('Zhang Wei')).toBe('wei zhang');
    expect(latinKey('Сергей Иванов')).toBe('ivanov sergey');
  });
});
