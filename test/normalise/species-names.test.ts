// Species names as real files write them, each case a hand-made value with its answer: listings by the
// most specific taxon, authorities, synonyms, common names in four languages, misspellings, a file's own
// appendix, and the rule that decides when one word is a genus. Answers are the CITES Appendices' (CoP19).
import { afterEach, describe, expect, it } from 'vitest';
import { citesAppendix, isLatinName, normaliseSpecies, splitAuthority, useTaxonRows, type TaxonRow } from '../../src/normalise/species.js';

const taxon = (given: string) => normaliseSpecies(given).value;

describe('the appendix of the most specific listing', () => {
  it('gives Crocodylus niloticus its class and its split listing', () => {
    expect(taxon('Crocodylus niloticus')).toMatchObject({
      family: 'Crocodylidae',
      order: 'Crocodylia',
      class: 'Reptilia',
      appendix: 'I/II',
    });
  });

  it('keeps a species listed apart from its genus or family: Geochelone platynota and Chelonoidis niger are in Appendix I', () => {
    expect(taxon('Geochelone platynota')!.appendix).toBe('I');
    expect(taxon('Chelonoidis niger')!.appendix).toBe('I');
    expect(taxon('Chelonoidis carbonarius')!.appendix).toBe('II');
  });

  it('gives a species the reference lacks the listing of its genus, family or order as a whole, and says which', () => {
    expect(normaliseSpecies('Varanus dumerilii')).toMatchObject({ value: { appendix: 'II', family: 'Varanidae' } });
    const falcon = normaliseSpecies('Falco sp.');
    expect(falcon.value).toMatchObject({ taxon: 'Falco spp.', appendix: 'II', order: 'Falconiformes' });
    expect(falcon.rule).toContain('appendix II from the listing of Falconiformes');
    expect(normaliseSpecies('Testudo sp.').rule).toContain('from the listing of Testudinidae');
  });

  it("gives no appendix to a species excluded from its order's listing (the budgerigar) nor to one never listed", () => {
    expect(taxon('Melopsittacus undulatus')).toMatchObject({ order: 'Psittaciformes', class: 'Aves', appendix: null });
    expect(taxon('Dasypus novemcinctus')).toMatchObject({ class: 'Mammalia', appendix: null });
  });

  it('gives a subspecies the reference lacks the listing of its species', () => {
    expect(normaliseSpecies('Panthera tigris altaica')).toMatchObject({
      value: { taxon: 'Panthera tigris altaica', rank: 'subspecies', appendix: 'I' },
      rule: expect.stringContaining('species in reference, subspecies not'),
    });
  });
});

describe('authorities', () => {
  it.each([
    ['POTOS FLAVUS (SCHREBER)', 'Potos flavus', '(SCHREBER)'],
    ['DASYPUS NOVEMCINCTUS LINNAEUS', 'Dasypus novemcinctus', 'LINNAEUS'],
    ['Dasypus novemcinctus Linnaeus', 'Dasypus novemcinctus', 'Linnaeus'],
    ['Panthera leo (Linnaeus, 1758)', 'Panthera leo', '(Linnaeus, 1758)'],
    ['Manis javanica Desmarest, 1822', 'Manis javanica', 'Desmarest, 1822'],
    ['CHELONOIDIS CARBONARIUS (SPIX 1824)', 'Chelonoidis carbonarius', '(SPIX 1824)'],
    ['Testudo graeca L.', 'Testudo graeca', 'L.'],
    ['Python regius Shaw 1802', 'Python regius', 'Shaw 1802'],
  ])('reads %s as %s, authority %s set aside', (given, name, authority) => {
    expect(splitAuthority(given).authority).toBe(authority);
    const result = normaliseSpecies(given);
    expect(result.value!.taxon).toBe(name);
    expect(result.value!.rank).toBe('species');
    expect(result.rule).toContain(`authority "${authority}" set aside`);
  });

  it('keeps a third word that is no author as a subspecies, in capitals too', () => {
    expect(splitAuthority('PANTHERA TIGRIS ALTAICA')).toEqual({ name: 'PANTHERA TIGRIS ALTAICA', authority: null });
    expect(splitAuthority('Trachemys scripta elegans')).toEqual({ name: 'Trachemys scripta elegans', authority: null });
  });

  it('does not take the capitalised words of a common name for an author', () => {
    expect(splitAuthority('Indian Star Tortoises').authority).toBeNull();
    expect(splitAuthority('Mata mata Turtles').authority).toBeNull();
  });
});

describe('synonyms', () => {
  it.each([
    ['Geochelone carbonaria', 'Chelonoidis carbonarius'],
    ['Chelonoidis carbonaria', 'Chelonoidis carbonarius'],
    ['Manis tricuspis', 'Phataginus tricuspis'],
    ['Geochelone sulcata', 'Centrochelys sulcata'],
    ['Python reticulatus', 'Malayopython reticulatus'],
    ['Bufo marinus', 'Rhinella marina'],
    ['Caiman crocodilus yacare', 'Caiman yacare'],
  ])('reads the old name %s as %s', (given, name) => {
    expect(normaliseSpecies(given)).toMatchObject({ value: { taxon: name }, rule: `synonym of ${name}` });
  });

  it('resolves a synonym written with its authority in capitals', () => {
    expect(taxon('GEOCHELONE CARBONARIA (SPIX, 1824)')!.taxon).toBe('Chelonoidis carbonarius');
  });
});

describe('common names', () => {
  it.each([
    ['Galo-da-campina', 'Paroaria dominicana', null],
    ['Tambaqui', 'Colossoma macropomum', null],
    ['Pirarucu', 'Arapaima gigas', 'II'],
    ['Indian Star Tortoises', 'Geochelone elegans', 'I'],
    ['tortue rayonnée', 'Astrochelys radiata', 'I'],
    ['loro gris', 'Psittacus erithacus', 'I'],
    ['Parrot eggs', 'Psittaciformes', 'II'],
    ['Hawksbill Turtle Scutes', 'Eretmochelys imbricata', 'I'],
    ['Finches', 'Fringillidae', null],
    ['Birds', 'Aves', null],
  ])('reads %s as %s (appendix %s)', (given, name, appendix) => {
    expect(normaliseSpecies(given)).toMatchObject({ value: { taxon: name, appendix }, rule: `common name "${given}"` });
  });

  it('flags a value that is neither a Latin name nor a known common name, and never takes it as a genus', () => {
    for (const given of ['Towa Towas', 'Kapikas', 'Galo-de-briga']) {
      expect(normaliseSpecies(given).value).toBeNull();
    }
    expect(normaliseSpecies('Xyzzy').rule).toBe(
      'one word that is not a taxon of the reference nor a higher-taxon name: not taken as a genus',
    );
  });
});

describe('when a value is a Latin name', () => {
  it('takes one capitalised word as a taxon when the reference knows it or it ends like a higher taxon', () => {
    expect(taxon('Varanus')).toMatchObject({ rank: 'genus', appendix: 'II' });
    expect(taxon('Bufonidae')).toMatchObject({ rank: 'family', class: 'Amphibia' });
    expect(taxon('Unknownoidea')).toMatchObject({ rank: 'superfamily', taxon: 'Unknownoidea' });
    expect(taxon('Quuxiformes')).toMatchObject({ rank: 'order' });
  });

  it('does not take one unknown word that ends like no higher taxon for a genus', () => {
    expect(taxon('Quelea')).toBeNull();
  });

  it.each([
    ['Foo barbaz', true],
    ['FOO BARBAZ', true],
    ['foo barbaz', true],
    ['Panthera tigris altaica', true],
    ['Black pond turtles', false],
    ['Indian Star Tortoises', false],
    ['milk snakes', false],
    ['Rose-ringed parrots', false],
    ['galo da campina', false],
    ['Foo barbaz quux corge', false],
    ['Foo Barbaz', false],
    ['Zebra finches', false],
  ])('%s is Latin in shape: %s', (given, latin) => {
    expect(isLatinName(given)).toBe(latin);
  });

  it('keeps an unknown binomial as a species name, with its genus when the reference knows it', () => {
    expect(normaliseSpecies('Foo barbaz')).toMatchObject({
      value: { taxon: 'Foo barbaz', rank: 'species', class: null },
      rule: 'scientific name not in reference',
    });
    expect(taxon('Dendrobates imitator')).toMatchObject({ family: 'Dendrobatidae', appendix: 'II' });
  });
});

describe('misspelled names', () => {
  it('matches a binomial written without its space and says so', () => {
    expect(normaliseSpecies('Manispentadactyla')).toMatchObject({
      value: { taxon: 'Manis pentadactyla', appendix: 'I' },
      rule: 'close to Manis pentadactyla (written without a space)',
    });
  });

  it('matches a binomial one letter off a known one, naming both', () => {
    const result = normaliseSpecies('Manis pentadactila');
    expect(result.value!.taxon).toBe('Manis pentadactyla');
    expect(result.rule).toBe('close to Manis pentadactyla: "Manis pentadactila" is not in the reference');
    expect(normaliseSpecies('Manidea').value).toMatchObject({ taxon: 'Manidae', rank: 'family' });
  });

  it('matches a misspelled common name to the closest one', () => {
    expect(normaliseSpecies('Ploughshare Toirtoises')).toMatchObject({
      value: { taxon: 'Astrochelys yniphora' },
      rule: 'close to the common name "ploughshare tortoise": "Ploughshare Toirtoises" is not in the reference',
    });
  });

  it('does not match a name far from every known one', () => {
    expect(normaliseSpecies('Manis foobarica').rule).toBe('genus in reference, species not');
  });
});

describe("a file's own appendix", () => {
  it.each([
    ['II', 'II'],
    ['App. I', 'I'],
    ['Appendix III', 'III'],
    ['Anexo II', 'II'],
    ['Annexe I', 'I'],
    ['2', 'II'],
    ['I/II', 'I/II'],
    ['i-ii', 'I/II'],
    ['NC', 'not listed'],
    ['Apéndice II', 'II'],
  ])('reads %s as %s', (given, appendix) => {
    expect(citesAppendix(given).value).toBe(appendix);
  });

  it('does not read what is no appendix', () => {
    expect(citesAppendix('IV')).toEqual({ value: null, rule: 'not a CITES appendix (I, II, III)' });
    expect(citesAppendix('yes').value).toBeNull();
  });
});

describe('an imported reference', () => {
  afterEach(() => useTaxonRows(null));

  it('replaces the bundled rows, with the same rules for listings above a species', () => {
    const row = (name: string, rank: string, appendix: string, more: Partial<TaxonRow> = {}): TaxonRow => ({
      name,
      rank,
      genus: rank === 'genus' ? name : '',
      family: 'Exampleidae',
      order: 'Exampliformes',
      class: 'Aves',
      appendix,
      accepted: '',
      common_names: '',
      ...more,
    });
    useTaxonRows([
      row('Exampliformes', 'order', 'II'),
      row('Exempla', 'genus', ''),
      row('Exempla prima', 'species', 'I', { genus: 'Exempla', common_names: 'first example' }),
      row('Exempla vetus', 'species', '', { accepted: 'Exempla prima' }),
    ]);
    expect(taxon('Exempla secunda')).toMatchObject({ appendix: 'II', class: 'Aves' });
    expect(taxon('EXEMPLA VETUS LINNAEUS')).toMatchObject({ taxon: 'Exempla prima', appendix: 'I' });
    expect(taxon('First examples')!.taxon).toBe('Exempla prima');
    expect(taxon('Manis javanica')).toMatchObject({ class: null });
  });
});
