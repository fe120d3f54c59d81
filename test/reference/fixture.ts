// A hand-made Index of CITES Species export and a Species+ common-names file, small enough that each
// test writes its answer beside it. The columns are the export's own (a subset: wen reads no others).
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';

const HEADER =
  'TaxonId,Kingdom,Phylum,Class,Order,Family,Genus,Species,Subspecies,' +
  'FullName,AuthorYear,RankName,CurrentListing,SynonymsWithAuthors,EnglishNames,SpanishNames,FrenchNames,CitesAccepted';
const ROWS = [
  '1,Animalia,Chordata,Aves,Psittaciformes,,,,,Psittaciformes,"Wagler, 1830",ORDER,I/II/NC,"","Parrots","Loros","Perroquets",true',
  '2,Animalia,Chordata,Aves,Psittaciformes,Psittacidae,Melopsittacus,undulatus,,Melopsittacus ' +
    'undulatus,"(Shaw, 1805)",SPECIES,NC,"",Budgerigar,Periquito australiano,Perruche ondulée,true',
  '3,Animalia,Chordata,Aves,Psittaciformes,Psittacidae,Amazona,aestiva,,Amazona ' +
    'aestiva,"(Linnaeus, 1758)",SPECIES,II,"Psittacus aestivus Linnaeus, ' +
    '1758, Amazona aestiva xanthopteryx (Berlepsch, 1896)","Blue-fronted ' +
    'Amazon, Turquoise-fronted Parrot",Amazona frentiazul,Amazone ' +
    'à front bleu,true',
  '4,Animalia,Chordata,Reptilia,Testudines,Testudinidae,,,,Testudinidae,"Batsch, ' +
    '1788",FAMILY,II,"",Tortoises,Tortugas terrestres,Tortues terrestres,true',
  '5,Animalia,Chordata,Reptilia,Testudines,Testudinidae,Chelonoidis,carbonarius,,Chelonoidis ' +
    'carbonarius,"(Spix, 1824)",SPECIES,II,"Geochelone carbonaria ' +
    '(Spix, 1824), Testudo boiei Wagler, 1833","Red-footed Tortoise",Tortuga ' +
    'de patas rojas,Tortue charbonnière,true',
  '6,Animalia,Chordata,Reptilia,Testudines,Testudinidae,Chelonoidis,niger,,Chelonoidis ' +
    'niger,"(Quoy & Gaimard, 1824)",SPECIES,I,"Geochelone nigra (Quoy ' +
    '& Gaimard, 1824), Testudo vandenburghi De Sola, 1930, Testudo ' +
    'clivosa Garman, 1917, Barbosa de Souza, 1900",Galapagos Giant ' +
    'Tortoise,,,true',
  '7,Animalia,Chordata,Reptilia,Testudines,Testudinidae,Testudo,hermanni,,Testudo ' +
    'hermanni,"Gmelin, 1789",SPECIES,,"",Hermann\'s Tortoise,,,true',
  '8,Animalia,Chordata,Reptilia,Testudines,Geoemydidae,Cyclemys,dentata,,Cyclemys ' +
    'dentata,"(Gray, 1831)",SPECIES,II,"",Asian Leaf Turtle,,,true',
  '9,Animalia,Chordata,Reptilia,Testudines,Geoemydidae,Cyclemys,enigmatica,,Cyclemys ' +
    'enigmatica,"Fritz et al., 2008",SPECIES,II,"",Asian Leaf Turtle,,,false',
  '10,Plantae,,,Dicksoniales,Dicksoniaceae,Dicksonia,,,Dicksonia,"L\'Hér., 1789",GENUS,II,"","","","",true',
  '11,Plantae,,,Dicksoniales,Dicksoniaceae,Dicksonia,antarctica,,Dicksonia antarctica,"Labill. 1806",SPECIES,,"",Soft Tree Fern,,,true',
];

/** The Index fixture, named as the Checklist names its exports (the download date in the name). */
export function writeIndex(dir: string, name = 'Index_of_CITES_Species_2019-05-06 10-30.csv'): string {
  const path = join(dir, name);
  writeFileSync(path, [HEADER, ...ROWS, ''].join('\n'));
  return path;
}

/** A Species+ common-names file with a byte-order mark: 2 names join the Index (RecId 5, 6), 1 does not (RecId 99). */
export function writeNames(dir: string, name = 'chinese_names.csv'): string {
  const path = join(dir, name);
  writeFileSync(
    path,
    '\ufeffComName,LangShort,RecId,Rank,Designation,ReferenceID\n红腿陆龟,ZHO,5,SPECIES,CITES_EU,\n' +
      '加拉帕戈斯象龟,ZHO,6,SPECIES,CITES_EU,\n某种,ZHO,99,SPECIES,CITES_EU,\n',
  );
  return path;
}
