/**
 * The tables of individual evaluation and result pay (SPEC §8.1), field by field, like the plan's
 * tables in tables.ts (which registers them): Persone, Schede, Voci, Valutazioni, Fondi, Classi,
 * Coefficienti, the new `Regole` parameters, and the output-only sheets Premi and Trasparenza.
 * Interchange keys are those of §8.6; enumerations are lower-case Italian keys.
 */
import type { FieldKind, TableDef } from './tables';
import { CHECK_OUTPUT, CODE, f, GRADE, NON_NEGATIVE, o, opts, PERCENT, t, TEXT, YESNO } from './tableKit';

export const PAY_ROLES = ['dirigente', 'eq', 'dipendente'] as const;
export type PayRole = (typeof PAY_ROLES)[number];

export const PAY_COMPONENTS = ['ente', 'struttura', 'obiettivi', 'apporto', 'comportamenti'] as const;
export type PayComponent = (typeof PAY_COMPONENTS)[number];

export const FUND_METHODS = ['coefficienti', 'budget', 'posizione'] as const;
export type FundMethod = (typeof FUND_METHODS)[number];

export const LEFTOVERS = ['struttura', 'ente', 'economia'] as const;
export type Leftover = (typeof LEFTOVERS)[number];

export const BONUS_ROUNDINGS = ['eccesso', 'difetto'] as const;
export type BonusRounding = (typeof BONUS_ROUNDINGS)[number];

export const BONUS_KINDS = ['aggiuntiva', 'totale'] as const;
export type BonusKind = (typeof BONUS_KINDS)[number];

export const MISSING_COMPONENT_POLICIES = ['rinormalizza', 'zero'] as const;
export type MissingComponent = (typeof MISSING_COMPONENT_POLICIES)[number];

export const PAY_ROLE_OPTIONS = opts(PAY_ROLES, {
  dirigente: t('Dirigente', 'Manager'),
  eq: t('EQ', 'EQ'),
  dipendente: t('Dipendente', 'Employee'),
}, {
  dirigente: ['Dirigenti', 'Segretario', 'Segretario generale'],
  eq: ['E.Q.', 'Elevata qualificazione', 'PO', 'P.O.', 'Posizione organizzativa', 'EQ/PO'],
  dipendente: ['Dipendenti', 'Comparto', 'Personale', 'Staff'],
});

export const PAY_COMPONENT_OPTIONS = opts(PAY_COMPONENTS, {
  ente: t('Ente', 'Organisation'),
  struttura: t('Struttura', 'Unit'),
  obiettivi: t('Obiettivi', 'Objectives'),
  apporto: t('Apporto', 'Contribution'),
  comportamenti: t('Comportamenti', 'Behaviour'),
}, {
  ente: ['Performance di ente', 'Performance organizzativa di ente'],
  struttura: ['Performance di struttura', 'Performance organizzativa'],
  obiettivi: ['Obiettivi individuali', 'Obiettivi assegnati'],
  apporto: ['Apporto individuale', 'Contributo'],
  comportamenti: ['Comportamenti organizzativi', 'Competenze', 'Comportamento'],
});

export const FUND_METHOD_OPTIONS = opts(FUND_METHODS, {
  coefficienti: t('Coefficienti', 'Coefficients'),
  budget: t('Budget', 'Budget'),
  posizione: t('Posizione', 'Position'),
}, { posizione: ['Retribuzione di posizione'] });

export const LEFTOVER_OPTIONS = opts(LEFTOVERS, {
  struttura: t('Struttura', 'Unit'),
  ente: t('Ente', 'Organisation'),
  economia: t('Economia', 'Saving'),
}, { economia: ['Economie', 'Risparmio'] });

export const BONUS_ROUNDING_OPTIONS = opts(BONUS_ROUNDINGS, {
  eccesso: t('Eccesso', 'Up'),
  difetto: t('Difetto', 'Down'),
}, { eccesso: ['Per eccesso'], difetto: ['Per difetto'] });

export const BONUS_KIND_OPTIONS = opts(BONUS_KINDS, {
  aggiuntiva: t('Aggiuntiva', 'Additional'),
  totale: t('Totale', 'Total'),
});

export const MISSING_COMPONENT_OPTIONS = opts(MISSING_COMPONENT_POLICIES, {
  rinormalizza: t('Rinormalizza', 'Renormalise'),
  zero: t('Zero', 'Zero'),
});

const EURO = NON_NEGATIVE;
const DAYS = NON_NEGATIVE;
const SCORE = { type: 'number' } as const satisfies FieldKind;

export const PEOPLE = {
  key: 'people',
  sheet: t('Persone', 'People'),
  table: 'Persone',
  fields: [
    f('id', 'Matricola', 'Staff number', CODE, t('Codice univoco della persona; in Personale la si indica con questo codice', 'Unique code of the person; Personale names the person by it'), { required: true, unique: true, aliases: ['N. matricola', 'Codice', 'ID', 'Id'] }),
    f('name', 'Nominativo', 'Name', TEXT, t('Cognome e nome (dato personale: non esce dalla cartella)', 'Surname and name (personal data: never leaves the workbook)'), { aliases: ['Cognome e nome', 'Dipendente', 'Persona', 'Nome'] }),
    f('role', 'Ruolo', 'Role', { type: 'enum', options: PAY_ROLE_OPTIONS }, t('Dirigente, EQ o Dipendente: la persona è pagata da ogni fondo del suo Ruolo', 'Manager, EQ or Employee: the person is paid from every pot of their role'), { aliases: ['Qualifica'] }),
    f('category', 'Categoria', 'Category', TEXT, t('Area o categoria CCNL (Operatori, Istruttori, Funzionari e EQ … o A/B/C/D)', 'CCNL area or category'), { aliases: ['Area', 'Inquadramento'] }),
    f('unit', 'Struttura', 'Unit', CODE, t('Codice della struttura della persona', 'Code of the person’s unit'), { ref: 'units', aliases: ['Codice struttura', 'Settore', 'Servizio'] }),
    f('evaluator', 'Valutatore', 'Evaluator', TEXT, t('Chi valuta la persona (per la differenziazione dei giudizi)', 'Who evaluates the person (for the spread of judgements)'), { aliases: ['Valutato da'] }),
    f('profile', 'Profilo', 'Profile', TEXT, t('Scheda di valutazione; vuoto = il profilo che porta il nome della Categoria, altrimenti del Ruolo', 'Evaluation profile; blank = the profile named after the Category, else after the Role'), { aliases: ['Scheda', 'Scheda di valutazione'] }),
    f('partTime', 'Part-time %', 'Part-time %', PERCENT, t('Percentuale di lavoro; vuoto = 100', 'Working-time percentage; blank = 100'), { aliases: ['Part time', 'Percentuale part-time', 'Tempo lavoro %'] }),
    f('serviceDays', 'Giorni di servizio', 'Service days', DAYS, t('Giorni in servizio nell’anno; vuoto = Base giorni', 'Days in service in the year; blank = Day basis'), { aliases: ['Giorni servizio', 'Giorni'] }),
    f('absenceDays', 'Giorni di assenza', 'Absence days', DAYS, t('Solo le assenze che riducono il premio; vuoto = 0', 'Only absences that reduce pay; blank = 0'), { aliases: ['Assenze', 'Giorni assenza'] }),
    f('absenceHours', 'Ore di assenza', 'Absence hours', DAYS, t('Ore di assenza che riducono il premio; vuoto = 0', 'Hours of absence that reduce pay; blank = 0'), { aliases: ['Ore assenza'] }),
    f('positionPay', 'Retribuzione di posizione €', 'Position pay €', EURO, t('Retribuzione di posizione annua (EQ, dirigenti)', 'Annual position pay (EQ, managers)'), { aliases: ['Retribuzione di posizione', 'Posizione €', 'Posizione'] }),
    f('excluded', 'Escluso', 'Excluded', YESNO, t('SI se la persona non partecipa ai premi', 'YES when the person takes no part in result pay'), { aliases: ['Esclusa', 'Non valutato'] }),
    f('excludedReason', 'Motivo esclusione', 'Exclusion reason', TEXT, t('Obbligatorio con Escluso = SI', 'Required when Excluded = YES'), { aliases: ['Motivazione esclusione', 'Motivo'] }),
  ],
  outputs: [
    o('score', 'Punteggio', 'Score', 'number', t('Punteggio della valutazione individuale, arrotondato a Decimali punteggio', 'Individual evaluation score, rounded to Score decimals'), ['Punteggio finale', 'Valutazione']),
    o('ente', 'Grado ente %', 'Organisation grade %', 'percent', t('Componente Ente: grado dell’ente', 'Organisation component: the organisation’s grade'), [], GRADE),
    o('struttura', 'Grado struttura %', 'Unit grade %', 'percent', t('Componente Struttura: grado della struttura della persona', 'Unit component: the grade of the person’s unit'), [], GRADE),
    o('obiettivi', 'Grado obiettivi %', 'Objectives grade %', 'percent', t('Componente Obiettivi: gradi degli obiettivi assegnati in Personale, pesati per Partecipazione %', 'Objectives component: grades of the objectives assigned in Personale, weighted by Share %'), [], GRADE),
    o('apporto', 'Apporto %', 'Contribution %', 'percent', t('Componente Apporto, da Valutazioni', 'Contribution component, from Evaluations')),
    o('comportamenti', 'Comportamenti %', 'Behaviour %', 'percent', t('Componente Comportamenti: media pesata delle voci valutate', 'Behaviour component: weighted mean of the items scored')),
    o('total', 'Totale €', 'Total €', 'euro', t('Somma dei premi della persona in tutti i fondi', 'Sum of the person’s pay over every pot'), ['Premio totale']),
    CHECK_OUTPUT,
  ],
} as const satisfies TableDef;

export const PROFILES = {
  key: 'profiles',
  sheet: t('Schede', 'Profiles'),
  table: 'Schede',
  fields: [
    f('profile', 'Profilo', 'Profile', TEXT, t('Nome della scheda (es. la Categoria o il Ruolo a cui si applica)', 'Profile name (e.g. the Category or Role it applies to)'), { required: true, aliases: ['Scheda'] }),
    f('component', 'Componente', 'Component', { type: 'enum', options: PAY_COMPONENT_OPTIONS }, t('Ente, Struttura, Obiettivi, Apporto o Comportamenti', 'Organisation, Unit, Objectives, Contribution or Behaviour'), { required: true, aliases: ['Ambito', 'Dimensione'] }),
    f('weight', 'Peso %', 'Weight %', PERCENT, t('Peso della componente; i pesi di un profilo sommano 100', 'Weight of the component; a profile’s weights sum to 100'), { required: true, aliases: ['Peso', 'Incidenza'] }),
  ],
  outputs: [CHECK_OUTPUT],
} as const satisfies TableDef;

export const ITEMS = {
  key: 'items',
  sheet: t('Voci', 'Items'),
  table: 'Voci',
  fields: [
    f('profile', 'Profilo', 'Profile', TEXT, t('Scheda a cui appartiene la voce', 'Profile the item belongs to'), { required: true, aliases: ['Scheda'] }),
    f('item', 'Voce', 'Item', TEXT, t('Comportamento valutato', 'Behaviour evaluated'), { required: true, aliases: ['Comportamento', 'Fattore', 'Descrizione'] }),
    f('weight', 'Peso', 'Weight', NON_NEGATIVE, t('Peso della voce; vuoto = 1', 'Weight of the item; blank = 1')),
    f('min', 'Minimo', 'Minimum', SCORE, t('Punteggio minimo; vuoto = 0', 'Lowest score; blank = 0'), { aliases: ['Min', 'Punteggio minimo'] }),
    f('max', 'Massimo', 'Maximum', SCORE, t('Punteggio massimo; vuoto = 100', 'Highest score; blank = 100'), { aliases: ['Max', 'Punteggio massimo'] }),
  ],
  outputs: [CHECK_OUTPUT],
} as const satisfies TableDef;

export const EVALUATIONS = {
  key: 'evaluations',
  sheet: t('Valutazioni', 'Evaluations'),
  table: 'Valutazioni',
  fields: [
    f('person', 'Matricola', 'Staff number', CODE, t('Matricola della persona valutata', 'Staff number of the person evaluated'), { required: true, ref: 'people', aliases: ['Persona', 'N. matricola'] }),
    f('item', 'Voce', 'Item', TEXT, t('Una voce del profilo della persona, oppure Apporto', 'An item of the person’s profile, or Apporto'), { required: true, aliases: ['Comportamento', 'Fattore'] }),
    f('score', 'Punteggio', 'Score', SCORE, t('Punteggio tra il Minimo e il Massimo della voce (Apporto: 0–100)', 'Score between the item’s Minimum and Maximum (Apporto: 0–100)'), { aliases: ['Valutazione', 'Voto'] }),
    f('note', 'Nota', 'Note', TEXT, t('Motivazione del punteggio', 'Reason for the score'), { aliases: ['Note', 'Motivazione'] }),
  ],
  outputs: [CHECK_OUTPUT],
} as const satisfies TableDef;

export const FUNDS = {
  key: 'funds',
  sheet: t('Fondi', 'Funds'),
  table: 'Fondi',
  fields: [
    f('code', 'Codice', 'Code', CODE, t('Codice univoco del fondo', 'Unique pot code'), { required: true, unique: true, aliases: ['Fondo', 'Codice fondo'] }),
    f('name', 'Descrizione', 'Description', TEXT, t('Che cosa paga il fondo', 'What the pot pays'), { aliases: ['Denominazione', 'Nome'] }),
    f('amount', 'Importo €', 'Amount €', EURO, t('Somma da distribuire (Stanziato)', 'Amount to share out (allocated)'), { required: true, aliases: ['Importo', 'Stanziato', 'Stanziamento'] }),
    f('role', 'Ruolo', 'Role', { type: 'enum', options: PAY_ROLE_OPTIONS }, t('Chi paga: Dipendente, EQ o Dirigente', 'Who it pays: Employee, EQ or Manager'), { required: true, aliases: ['Destinatari'] }),
    f('method', 'Metodo', 'Method', { type: 'enum', options: FUND_METHOD_OPTIONS }, t('Coefficienti, Budget o Posizione', 'Coefficients, Budget or Position'), { required: true, aliases: ['Metodo di riparto', 'Riparto'] }),
    f('leftover', 'Residui', 'Leftover', { type: 'enum', options: LEFTOVER_OPTIONS }, t('Dove vanno i resti: Struttura, Ente (predefinito) o Economia', 'Where the rest goes: Unit, Organisation (default) or Saving'), { aliases: ['Resti'] }),
    f('bonusPercent', 'Maggiorazione %', 'Bonus %', { type: 'percent', min: 0 }, t('Maggiorazione del premio individuale (art. 81 CCNL 2022; art. 30 dirigenti); vuoto = nessuna', 'Increase of the individual premium (art. 81; art. 30 for managers); blank = none'), { aliases: ['Maggiorazione', 'Differenziazione %'] }),
    f('bonusQuota', 'Quota beneficiari %', 'Beneficiary quota %', PERCENT, t('Percentuale dei valutati che riceve la maggiorazione', 'Share of the people evaluated who receive the bonus'), { aliases: ['Quota beneficiari', 'Quota maggiorazione'] }),
    f('bonusRounding', 'Arrotondamento beneficiari', 'Beneficiary rounding', { type: 'enum', options: BONUS_ROUNDING_OPTIONS }, t('Eccesso o Difetto (predefinito)', 'Up or Down (default)'), { aliases: ['Arrotondamento'] }),
    f('bonusKind', 'Tipo maggiorazione', 'Bonus kind', { type: 'enum', options: BONUS_KIND_OPTIONS }, t('Aggiuntiva (predefinita) o Totale', 'Additional (default) or Total')),
    f('positionCap', 'Tetto posizione %', 'Position cap %', { type: 'percent', min: 0 }, t('Premio massimo in % della retribuzione di posizione (metodo Posizione); vuoto = nessuno', 'Highest pay as % of position pay (Position method); blank = none'), { aliases: ['Tetto % posizione', 'Tetto posizione'] }),
  ],
  outputs: [CHECK_OUTPUT],
} as const satisfies TableDef;

export const CLASSES = {
  key: 'classes',
  sheet: t('Classi', 'Classes'),
  table: 'Classi',
  fields: [
    f('fund', 'Fondo', 'Pot', CODE, t('Codice del fondo', 'Pot code'), { required: true, ref: 'funds', aliases: ['Codice fondo'] }),
    f('from', 'Da punteggio', 'From score', SCORE, t('Punteggio minimo della classe (incluso); righe crescenti per fondo', 'Lowest score of the class (inclusive); ascending per pot'), { required: true, aliases: ['Da', 'Dal punteggio'] }),
    f('coefficient', 'Coefficiente', 'Coefficient', NON_NEGATIVE, t('Coefficiente della classe (metodo Coefficienti)', 'Class coefficient (Coefficients method)'), { aliases: ['Coeff.'] }),
    f('payment', 'Pagamento %', 'Payment %', PERCENT, t('Quota del budget pagata (metodi Budget e Posizione)', 'Share of the budget paid (Budget and Position methods)'), { aliases: ['Pagamento', 'Quota pagata'] }),
    f('proportional', 'Proporzionale', 'Proportional', YESNO, t('SI: il coefficiente, o il pagamento %, è pari al punteggio', 'YES: the coefficient, or payment %, equals the score')),
  ],
  outputs: [CHECK_OUTPUT],
} as const satisfies TableDef;

export const CATEGORY_COEFFICIENTS = {
  key: 'categoryCoefficients',
  sheet: t('Coefficienti', 'Coefficients'),
  table: 'Coefficienti',
  fields: [
    f('category', 'Categoria', 'Category', TEXT, t('Categoria o area, come in Persone', 'Category or area, as in People'), { required: true, unique: true, aliases: ['Area', 'Inquadramento'] }),
    f('coefficient', 'Coefficiente', 'Coefficient', NON_NEGATIVE, t('Coefficiente di categoria; una categoria non elencata ha 1', 'Category coefficient; a category not listed has 1'), { required: true, aliases: ['Coeff.', 'Parametro'] }),
  ],
  outputs: [CHECK_OUTPUT],
} as const satisfies TableDef;

/** The input tables of §8, in workbook order (after the plan's). */
export const PAY_TABLES = [PEOPLE, PROFILES, ITEMS, EVALUATIONS, FUNDS, CLASSES, CATEGORY_COEFFICIENTS] as const;

/** The `Regole` parameters of §8.1, appended to the plan's (tables.ts RULES). */
export const PAY_RULE_FIELDS = [
  f('dayBasis', 'Base giorni', 'Day basis', { type: 'integer', min: 1, max: 366 }, t('Giorni di un anno di servizio pieno', 'Days of a full year of service'), { name: t('Base_giorni', 'Day_basis') }),
  f('hoursPerDay', 'Ore per giorno', 'Hours per day', { type: 'number', min: 1, max: 24 }, t('Ore di assenza che fanno un giorno', 'Hours of absence that make a day'), { name: t('Ore_per_giorno', 'Hours_per_day'), aliases: ['Ore giornaliere'] }),
  f('scoreDecimals', 'Decimali punteggio', 'Score decimals', { type: 'integer', min: 0, max: 10 }, t('Decimali del punteggio individuale, arrotondato prima delle classi', 'Decimals of the individual score, rounded before the classes'), { name: t('Decimali_punteggio', 'Score_decimals') }),
  f('missingComponent', 'Componente mancante', 'Missing component', { type: 'enum', options: MISSING_COMPONENT_OPTIONS }, t('Rinormalizza (pesi delle componenti presenti) o Zero', 'Renormalise (weights of the present components) or Zero')),
  f('minDays', 'Giorni minimi', 'Minimum days', { type: 'integer', min: 0 }, t('Giorni di presenza sotto i quali la persona è esclusa dai premi', 'Days of presence below which the person takes no part in pay'), { name: t('Giorni_minimi', 'Minimum_days') }),
] as const;

/** The pot's code, the first column of every output table of pay. */
const FUND_OUTPUT = o('fund', 'Fondo', 'Pot', 'text', t('Codice del fondo', 'Pot code'));

/**
 * Output only, written by Calcola: one row per person and pot (`Premi`), and the pots' totals
 * beside them on the same sheet. They hold no input, so they are not read and not in the
 * interchange; their columns are here so that every sheet's headers come from one place.
 */
export const PAYOUTS = {
  key: 'payouts',
  sheet: t('Premi', 'Pay'),
  table: 'Premi',
  fields: [],
  outputs: [
    o('person', 'Matricola', 'Staff number', 'text', t('Matricola della persona', 'Staff number of the person')),
    FUND_OUTPUT,
    o('class', 'Classe', 'Class', 'integer', t('Riga di Classi raggiunta dal punteggio', 'Classi row the score reached')),
    o('coefficient', 'Coefficiente', 'Coefficient', 'number', t('Coefficiente di classe (Coefficienti) o pagamento % (Budget, Posizione)', 'Class coefficient (Coefficients) or payment % (Budget, Position)')),
    o('amount', 'Importo €', 'Amount €', 'euro', t('Quota del fondo, al centesimo', 'Share of the pot, to the cent')),
    o('bonus', 'Maggiorazione €', 'Bonus €', 'euro', t('Maggiorazione del premio individuale', 'Increase of the individual premium')),
    o('total', 'Totale €', 'Total €', 'euro', t('Importo + Maggiorazione', 'Amount + Bonus')),
  ],
} as const satisfies TableDef;

export const FUND_TOTALS = {
  key: 'fundTotals',
  sheet: t('Premi', 'Pay'),
  table: 'PremiFondi',
  fields: [],
  outputs: [
    FUND_OUTPUT,
    o('allocated', 'Stanziato €', 'Allocated €', 'euro', t('Importo del fondo', 'Amount of the pot')),
    o('paid', 'Distribuito €', 'Paid €', 'euro', t('Somma pagata, al centesimo', 'Sum paid, to the cent')),
    o('unspent', 'Residuo €', 'Unspent €', 'euro', t('Stanziato − Distribuito', 'Allocated − Paid')),
    o('beneficiaries', 'Beneficiari della maggiorazione', 'Bonus beneficiaries', 'integer', t('Persone che ricevono la maggiorazione', 'People who receive the bonus')),
  ],
} as const satisfies TableDef;

/**
 * `Trasparenza` (D.Lgs. 33/2013 art. 20), no names: one row per pot and Ruolo/Categoria.
 * The spread of scores per Valutatore is a second block the sheet's writer lays out.
 */
export const TRANSPARENCY = {
  key: 'transparency',
  sheet: t('Trasparenza', 'Transparency'),
  table: 'Trasparenza',
  fields: [],
  outputs: [
    FUND_OUTPUT,
    o('group', 'Ruolo/Categoria', 'Role/Category', 'text', t('Gruppo di persone', 'Group of people')),
    o('evaluated', 'Valutati', 'Evaluated', 'integer', t('Persone valutate', 'People evaluated')),
    o('paid', 'Premiati', 'Paid', 'integer', t('Persone con un premio', 'People paid')),
    o('allocated', 'Stanziato €', 'Allocated €', 'euro', t('Ammontare dei premi stanziati', 'Amount allocated')),
    o('distributed', 'Distribuito €', 'Paid €', 'euro', t('Ammontare dei premi distribuiti', 'Amount paid')),
    o('mean', 'Premio medio €', 'Mean pay €', 'euro', t('Premio medio dei premiati', 'Mean pay of those paid')),
    o('min', 'Premio minimo €', 'Lowest pay €', 'euro', t('Premio minimo dei premiati', 'Lowest pay of those paid')),
    o('max', 'Premio massimo €', 'Highest pay €', 'euro', t('Premio massimo', 'Highest pay')),
    o('classes', 'Persone per classe', 'People per class', 'text', t('Numero di persone in ogni classe', 'Number of people in each class')),
    o('scoreMean', 'Punteggio medio', 'Mean score', 'points', t('Media dei punteggi', 'Mean of the scores')),
    o('scoreDeviation', 'Deviazione standard', 'Standard deviation', 'points', t('Deviazione standard dei punteggi: il grado di differenziazione', 'Standard deviation of the scores: the degree of differentiation')),
    o('topClassShare', 'Quota classe più alta %', 'Top class share %', 'percent', t('Persone nella classe più alta, in %', 'People in the top class, in %')),
  ],
} as const satisfies TableDef;
