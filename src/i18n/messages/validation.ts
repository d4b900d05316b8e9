import type { Catalog } from '../index';

/** Messages of the cross-row validation (src/validation), keyed by rule name. */
export const validationMessages: Catalog = {
  'duplicate-code': {
    it: 'Codice {code} già usato nella riga {row} della tabella. Dare a ogni riga un codice diverso.',
    en: 'Code {code} is already used in row {row} of the table. Give each row its own code.',
  },
  'duplicate-criterion': {
    it: 'Criterio «{code}» già presente nella riga {row}. Ogni criterio va indicato una sola volta: eliminare o rinominare la riga.',
    en: 'Criterion “{code}” is already listed in row {row}. List each criterion once: delete or rename the row.',
  },
  'duplicate-weighting': {
    it: 'L’obiettivo {code} è già pesato nella riga {row} della Pesatura. Tenere una sola riga per obiettivo.',
    en: 'Objective {code} is already weighed in row {row} of the weighting. Keep one row per objective.',
  },
  'duplicate-title': {
    it: 'L’obiettivo {code} ha lo stesso titolo di {other}: «{title}». Se è lo stesso obiettivo condiviso, tenerne uno solo e indicare le altre strutture in Strutture coinvolte; altrimenti distinguere i titoli.',
    en: 'Objective {code} has the same title as {other}: “{title}”. If it is one shared objective, keep one and list the other units in Shared with; otherwise make the titles distinct.',
  },
  'unit-duplicate-objectives': {
    it: 'La struttura {unit} ha due obiettivi uguali ({other} e {code}): forse la struttura è stata trascritta due volte. Eliminare il doppione.',
    en: 'Unit {unit} has two identical objectives ({other} and {code}): the unit may have been transcribed twice. Remove the duplicate.',
  },
  'table-missing': {
    it: 'Manca la tabella {table}: senza di essa nessun obiettivo può avere un grado, e Traguardo non calcola. Aggiungerla con «Crea o aggiorna i fogli» nel riquadro di Traguardo, oppure con «traguardo init <file.xlsx>» dalla riga di comando.',
    en: 'The table {table} is missing: without it no objective can have a grade, so Traguardo computes nothing. Add it with «Crea o aggiorna i fogli» in the Traguardo pane, or with «traguardo init <file.xlsx>» on the command line.',
  },
  'table-missing-defaults': {
    it: 'Manca la tabella {table}: si applicano i valori predefiniti. Per vederli e modificarli, aggiungerla con «Crea o aggiorna i fogli» nel riquadro di Traguardo, oppure con «traguardo init <file.xlsx>» dalla riga di comando.',
    en: 'The table {table} is missing: the defaults apply. To see and edit them, add it with «Crea o aggiorna i fogli» in the Traguardo pane, or with «traguardo init <file.xlsx>» on the command line.',
  },
  'table-missing-weighting': {
    it: 'Manca la tabella {table}: i pesi degli obiettivi vengono dalla colonna Peso (o valgono 1). Per la pesatura del NdV, aggiungerla con «Crea o aggiorna i fogli» nel riquadro di Traguardo, oppure con «traguardo init <file.xlsx>» dalla riga di comando.',
    en: 'The table {table} is missing: the objectives’ weights come from the Peso column (or are 1). For the NdV weighting, add it with «Crea o aggiorna i fogli» in the Traguardo pane, or with «traguardo init <file.xlsx>» on the command line.',
  },
  'table-missing-staff': {
    it: 'Manca la tabella {table}: nessun calcolo dipende da essa, ma il personale assegnato agli obiettivi non è indicato. Aggiungerla con «Crea o aggiorna i fogli» nel riquadro di Traguardo, oppure con «traguardo init <file.xlsx>» dalla riga di comando.',
    en: 'The table {table} is missing: nothing computed depends on it, but the staff assigned to objectives is not stated. Add it with «Crea o aggiorna i fogli» in the Traguardo pane, or with «traguardo init <file.xlsx>» on the command line.',
  },
  'unknown-reference': {
    it: 'Il codice {code} non esiste nella tabella {table}. Correggere il codice o aggiungere la riga mancante in {table}.',
    en: 'Code {code} does not exist in table {table}. Correct the code or add the missing row to {table}.',
  },
  cycle: {
    it: 'Riferimento circolare: {cycle}. Una struttura o un obiettivo non può stare sotto sé stesso; correggere il padre di {code}.',
    en: 'Circular reference: {cycle}. A unit or objective cannot be its own ancestor; correct the parent of {code}.',
  },
  'unit-required': {
    it: 'L’obiettivo esecutivo {code} non ha la Struttura. Indicare il codice della struttura responsabile.',
    en: 'Executive objective {code} has no Unit. Enter the code of the responsible unit.',
  },
  'split-sum': {
    it: 'Peso indicatori % ({indicatorShare}) e Peso fasi % ({phaseShare}) sommano {sum}: devono sommare 100. Correggere uno dei due pesi.',
    en: 'Indicator share % ({indicatorShare}) and Phase share % ({phaseShare}) add up to {sum}: they must add up to 100. Correct one of them.',
  },
  'override-note-missing': {
    it: 'Il Grado NdV di {code} non ha la Nota NdV. Scrivere la motivazione del Nucleo di Valutazione.',
    en: 'The NdV grade of {code} has no NdV note. Write the evaluation body’s reason.',
  },
  'override-over-cap': {
    it: 'Grado NdV {value} oltre il Tetto grado % ({cap}). Scrivere un grado tra 0 e {cap}.',
    en: 'NdV grade {value} is above the Grade cap % ({cap}). Enter a grade between 0 and {cap}.',
  },
  'excluded-reason-missing': {
    it: 'L’obiettivo {code} è Non valutabile senza Motivazione esclusione. Scrivere perché non è valutato.',
    en: 'Objective {code} is excluded without an Exclusion reason. Write why it is not evaluated.',
  },
  'date-order': {
    it: 'La data di fine ({end}) è precedente a quella di inizio ({start}). Correggere le date.',
    en: 'The end date ({end}) is before the start date ({start}). Correct the dates.',
  },
  'indicator-share-without-indicators': {
    it: 'L’obiettivo {code} ha Peso indicatori {share} % ma nessun indicatore: il peso passa alle fasi. Aggiungere gli indicatori o azzerare il peso.',
    en: 'Objective {code} has Indicator share {share} % but no indicator: the weight moves to the phases. Add indicators or set the share to 0.',
  },
  'phase-share-without-phases': {
    it: 'L’obiettivo {code} ha Peso fasi {share} % ma nessuna fase del {year}: il peso passa agli indicatori. Aggiungere le fasi o azzerare il peso.',
    en: 'Objective {code} has Phase share {share} % but no phase for {year}: the weight moves to the indicators. Add phases or set the share to 0.',
  },
  'no-indicators': {
    it: 'L’obiettivo {code} non ha indicatori. Aggiungere almeno un indicatore in Indicatori.',
    en: 'Objective {code} has no indicators. Add at least one indicator to Indicators.',
  },
  'empty-objective': {
    it: 'L’obiettivo {code} non si può valutare: non ha indicatori, fasi del {year}, obiettivi figli né Grado NdV. Aggiungere indicatori o fasi, oppure segnarlo Non valutabile.',
    en: 'Objective {code} cannot be graded: it has no indicators, no phases for {year}, no child objectives and no NdV grade. Add indicators or phases, or mark it excluded.',
  },
  'parent-children-excluded': {
    it: 'L’obiettivo {code} prende il grado dai suoi {count} obiettivi figli, ma sono tutti Non valutabili: resta senza grado. Assegnare un Grado NdV, oppure segnarlo Non valutabile.',
    en: 'Objective {code} takes its grade from its {count} child objectives, but all of them are excluded: it gets no grade. Give it an NdV grade, or mark it excluded.',
  },
  'indicator-weights-zero': {
    it: 'Tutti gli indicatori conteggiati di {code} hanno Peso 0, compreso {indicator}: l’obiettivo resta senza grado (anche la parte fasi). Dare un Peso maggiore di 0 ad almeno uno di essi (Peso vuoto = 1). Non contano gli indicatori Non valutabili, quelli senza consuntivo con la regola Escludi e le scadenze non ancora superate.',
    en: 'Every counted indicator of {code} has Weight 0, {indicator} included: the objective gets no grade (not even its phase part). Give at least one of them a Weight above 0 (blank = 1). Indicators marked excluded, those without actual under the rule Escludi, and deadlines not yet due do not count.',
  },
  'nothing-counted': {
    it: 'Nessuno dei {count} indicatori di {code} conta (Non valutabili, senza consuntivo con la regola Escludi, o scadenze non ancora superate) e l’obiettivo non ha fasi dell’anno: resta senza grado. Inserire i consuntivi, oppure segnare l’obiettivo Non valutabile.',
    en: 'None of the {count} indicators of {code} counts (excluded, without actual under the rule Escludi, or deadlines not yet due) and the objective has no phases for the year: it gets no grade. Enter the actuals, or mark the objective excluded.',
  },
  'phase-undated': {
    it: 'La fase «{name}» di {code} non ha entrambe le date previste: è esclusa dall’avanzamento atteso dell’obiettivo, calcolato sulle altre fasi (Stato di attuazione). Indicare Inizio previsto e Fine prevista.',
    en: 'Phase “{name}” of {code} lacks a planned start or end: it is left out of the objective’s expected progress, computed on the other phases (implementation status). Enter both planned dates.',
  },
  'objective-phases-undated': {
    it: 'Nessuna delle {count} fasi di {code} ({year}) ha sia Inizio previsto sia Fine prevista: l’obiettivo non ha avanzamento atteso né Stato di attuazione (salvo Completato). Indicare le date previste delle fasi.',
    en: 'None of the {count} phases of {code} ({year}) has both a planned start and end: the objective has no expected progress and no implementation status (except Completed). Enter the planned dates of the phases.',
  },
  'owner-required': {
    it: 'Con Perimetro pesatura = Responsabile l’obiettivo {code} non ha Responsabile: non appartiene a nessun paniere e resta senza grado e Peso %. Indicare il Responsabile.',
    en: 'With Weighting basket = Manager, objective {code} has no Owner: it belongs to no basket and gets no grade and no Weight %. Enter its Owner.',
  },
  'basket-weights-zero': {
    it: 'Tutti gli obiettivi del paniere {basket} hanno peso 0 (Pesatura o Peso), compreso {code}: i Peso % non si possono calcolare e il paniere non dà grado alla struttura. Dare un peso maggiore di 0 ad almeno un obiettivo del paniere.',
    en: 'Every objective in basket {basket} weighs 0 (weighting row or Weight), {code} included: no Weight % can be computed and the basket gives its unit no grade. Give at least one objective of the basket a weight above 0.',
  },
  'phase-shares-missing': {
    it: 'Le {count} fasi di {code} ({year}) non hanno Incidenza %: avranno lo stesso peso. Indicare le incidenze se le fasi pesano diversamente.',
    en: 'The {count} phases of {code} ({year}) have no Share %: they will weigh the same. Enter the shares if the phases weigh differently.',
  },
  'phase-shares-partial': {
    it: 'Incidenza % mancante, mentre altre fasi di {code} ({year}) ce l’hanno. Indicare l’incidenza di ogni fase (in totale 100).',
    en: 'Share % is blank while other phases of {code} ({year}) have one. Enter the share of every phase (100 in total).',
  },
  'phase-shares-sum': {
    it: 'Le incidenze delle fasi di {code} ({year}) sommano {sum}: devono sommare 100. Correggere le incidenze.',
    en: 'The phase shares of {code} ({year}) add up to {sum}: they must add up to 100. Correct the shares.',
  },
  'phase-numbering': {
    it: 'La fase N. {seq} di {code} ({year}) è già presente. Numerare le fasi senza ripetizioni.',
    en: 'Phase no. {seq} of {code} ({year}) appears twice. Number the phases without repeats.',
  },
  'phase-outside-year': {
    it: 'La data {date} è fuori dal periodo {from} – {to} (anno del piano e date dell’obiettivo). Correggere la data, oppure spostare la fase nel piano dell’anno in cui si svolge.',
    en: 'The date {date} is outside the period {from} – {to} (plan year and objective dates). Correct the date, or move the phase to the plan of the year it belongs to.',
  },
  'polarity-missing': {
    it: 'L’indicatore {code} non ha la Polarità. Scegliere Crescente (più è meglio) o Decrescente.',
    en: 'Indicator {code} has no Polarity. Choose Increasing (more is better) or Decreasing.',
  },
  'mirror-increasing': {
    it: 'Il metodo Speculare è previsto per indicatori decrescenti: per {code}, che è crescente, equivale al Rapporto. Scegliere Rapporto, oppure correggere la Polarità.',
    en: 'The Mirror method is meant for decreasing indicators: for {code}, which is increasing, it equals the Ratio. Choose Ratio, or correct the Polarity.',
  },
  'ratio-negative-target': {
    it: 'Il metodo Rapporto non funziona con un Target negativo ({target}). Usare il metodo Lineare con una Baseline.',
    en: 'The Ratio method does not work with a negative Target ({target}). Use the Linear method with a Baseline.',
  },
  'mirror-negative-target': {
    it: 'Il metodo Speculare non funziona con un Target negativo ({target}). Usare il metodo Lineare con una Baseline.',
    en: 'The Mirror method does not work with a negative Target ({target}). Use the Linear method with a Baseline.',
  },
  'linear-baseline': {
    it: 'Metodo Lineare: la Baseline ({baseline}) deve essere minore del Target ({target}) per un indicatore crescente, maggiore per uno decrescente. Correggere la Baseline o scegliere un altro Metodo.',
    en: 'Linear method: the Baseline ({baseline}) must be below the Target ({target}) for an increasing indicator, above it for a decreasing one. Correct the Baseline or choose another Method.',
  },
  'threshold-side': {
    it: 'La Soglia ({threshold}) è dalla parte sbagliata del Target ({target}): per un indicatore crescente non può superarlo, per uno decrescente non può essere inferiore. Correggere la Soglia.',
    en: 'The Threshold ({threshold}) is on the wrong side of the Target ({target}): it cannot exceed it for an increasing indicator, nor be below it for a decreasing one. Correct the Threshold.',
  },
  'deadline-missed': {
    it: 'Scadenza {due} superata al {referenceDate} senza data di completamento: grado 0 (non completato). Se è stato completato, inserire la data nel Consuntivo.',
    en: 'Deadline {due} has passed at {referenceDate} with no completion date: grade 0 (not completed). If it was completed, enter the date as Actual.',
  },
  'deadline-not-due': {
    it: 'Scadenza {due} non ancora superata al {referenceDate}: l’indicatore per ora non conta nel grado. Inserire la data di completamento quando avviene.',
    en: 'Deadline {due} is not yet due at {referenceDate}: the indicator does not count in the grade for now. Enter the completion date when it happens.',
  },
  'actual-missing': {
    it: 'Consuntivo mancante. Inserire il valore conseguito; finché manca vale la regola Consuntivo mancante = {policy} (Zero: grado 0; Escludi: indicatore non conteggiato; Errore: obiettivo non calcolato).',
    en: 'Actual value missing. Enter the value achieved; until then the rule Missing actual = {policy} applies (Zero: grade 0; Escludi: indicator not counted; Errore: objective not computed).',
  },
  'score-over-max': {
    it: 'Punteggio {value} oltre il Massimo del criterio «{criterion}» ({max}). Scrivere un punteggio tra 0 e {max}.',
    en: 'Score {value} is above the Maximum of criterion “{criterion}” ({max}). Enter a score between 0 and {max}.',
  },
  'floors-over-100': {
    it: 'I Peso minimo % degli obiettivi del paniere {basket} sommano {sum}: non possono superare 100. Ridurre i pesi minimi.',
    en: 'The Minimum share % of the objectives in basket {basket} add up to {sum}: they cannot exceed 100. Lower the minimum shares.',
  },
  'mixed-weight-sources': {
    it: 'L’obiettivo {code} non ha né Pesatura né Peso, mentre altri obiettivi del paniere {basket} li hanno. Pesarlo come gli altri.',
    en: 'Objective {code} has neither a weighting row nor a Weight, while other objectives in basket {basket} do. Weigh it like the others.',
  },
  'default-weight': {
    it: 'L’obiettivo {code} non ha Pesatura né Peso: conta con peso 1, come gli altri del suo paniere. Pesarlo se gli obiettivi non valgono tutti uguale.',
    en: 'Objective {code} has no weighting row and no Weight: it counts with weight 1, like the others in its basket. Weigh it if objectives are not all worth the same.',
  },
  'head-missing': {
    it: 'La struttura {code} ha obiettivi esecutivi ma nessun Responsabile. Indicare il dirigente o responsabile.',
    en: 'Unit {code} has executive objectives but no Head. Enter its manager.',
  },
  'duplicate-staff': {
    it: '{person} compare già sull’obiettivo {code} in un’altra riga. Tenere una sola riga per persona e obiettivo.',
    en: '{person} is already assigned to objective {code} in another row. Keep one row per person and objective.',
  },
  'staff-outside-year': {
    it: 'L’assegnazione di {person} ha la data {date}, fuori dall’anno del piano ({from} – {to}). Correggere la data o limitarla all’anno.',
    en: 'The assignment of {person} has the date {date}, outside the plan year ({from} – {to}). Correct the date or limit it to the year.',
  },
  'staff-missing': {
    it: 'Nessuna persona assegnata all’obiettivo esecutivo {code}. Aggiungere le persone in Personale.',
    en: 'Nobody is assigned to executive objective {code}. Add the people to Staff.',
  },
};
