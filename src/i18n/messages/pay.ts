/** Messages of individual evaluation and result pay (SPEC §8): missing tables, validation §8.4, the computation's diagnostics. */
import type { Catalog } from '../index';

const ADD_IT = 'Aggiungerla con «Crea o aggiorna i fogli» nel riquadro di Traguardo, oppure con «traguardo init <file.xlsx>» dalla riga di comando.';
const ADD_EN = 'Add it with «Crea o aggiorna i fogli» in the Traguardo pane, or with «traguardo init <file.xlsx>» on the command line.';

export const payMessages: Catalog = {
  'table-missing-pay': {
    it: `Manca la tabella {table}: Persone ha delle righe, ma senza {table} i premi non si possono calcolare. ${ADD_IT}`,
    en: `The table {table} is missing: Persone has rows, but without {table} pay cannot be computed. ${ADD_EN}`,
  },
  'table-missing-pay-defaults': {
    it: `Manca la tabella {table}: i premi si calcolano come se fosse vuota (nessuna voce o valutazione; classe unica; coefficiente 1). ${ADD_IT}`,
    en: `The table {table} is missing: pay is computed as if it were empty (no items or evaluations; one class; coefficient 1). ${ADD_EN}`,
  },
  'pay-profile-weights': {
    it: 'I pesi delle componenti del profilo {profile} sommano {sum}: devono sommare 100. Correggere i pesi in Schede.',
    en: 'The component weights of profile {profile} add up to {sum}: they must add up to 100. Correct the weights in Schede.',
  },
  'pay-profile-component-twice': {
    it: 'Il profilo {profile} ha questa componente su due righe: sarebbe pesata due volte. Tenere una sola riga per componente.',
    en: 'Profile {profile} has this component on two rows: it would be weighed twice. Keep one row per component.',
  },
  'pay-unknown-profile': {
    it: 'Il profilo {profile} non esiste in Schede. Correggere il nome o aggiungere le righe del profilo in Schede.',
    en: 'Profile {profile} does not exist in Schede. Correct the name or add the profile’s rows to Schede.',
  },
  'pay-no-profile': {
    it: 'Nessuna scheda per {person}: Profilo è vuoto e Schede non ha un profilo con il nome della Categoria ({category}) né del Ruolo ({role}). Indicare il Profilo.',
    en: 'No profile for {person}: Profilo is blank and Schede has no profile named after the Category ({category}) or the Role ({role}). Fill in the Profile.',
  },
  'pay-item-range': {
    it: 'Minimo ({min}) non inferiore a Massimo ({max}): la voce non si può valutare. Correggere Minimo o Massimo.',
    en: 'Minimum ({min}) is not below Maximum ({max}): the item cannot be scored. Correct Minimum or Maximum.',
  },
  'pay-excluded-reason': {
    it: '{person} è escluso dai premi senza un motivo. Indicare il Motivo esclusione.',
    en: '{person} is excluded from pay without a reason. Fill in the Exclusion reason.',
  },
  'pay-part-time': {
    it: 'Part-time % di {person} è {value}: deve essere maggiore di 0 e al più 100. Correggere il valore (vuoto = 100).',
    en: 'Part-time % of {person} is {value}: it must be above 0 and at most 100. Correct the value (blank = 100).',
  },
  'pay-absence-above-service': {
    it: 'Le assenze di {person} ({absence} giorni) superano i giorni di servizio ({days}). Correggere assenze o giorni di servizio.',
    en: 'The absences of {person} ({absence} days) exceed the days of service ({days}). Correct the absences or the days of service.',
  },
  'pay-role-missing': {
    it: 'Manca il Ruolo di {person}: senza Ruolo nessun fondo lo paga. Indicare Dirigente, EQ o Dipendente.',
    en: 'The Role of {person} is missing: without a Role no pot pays them. Fill in Dirigente, EQ or Dipendente.',
  },
  'pay-role-no-fund': {
    it: 'Nessun fondo paga il Ruolo {role} di {person}. Aggiungere in Fondi un fondo con Ruolo {role}, o correggere il Ruolo.',
    en: 'No pot pays the Role {role} of {person}. Add a pot with Role {role} to Fondi, or correct the Role.',
  },
  'pay-no-evaluation': {
    it: '{person} non ha valutazioni: le componenti Apporto e Comportamenti mancano. Inserire le valutazioni in Valutazioni.',
    en: '{person} has no evaluation: the Apporto and Comportamenti components are missing. Enter the evaluations in Valutazioni.',
  },
  'pay-evaluation-twice': {
    it: 'La voce {item} di {person} è già valutata alla riga {row}: vale la prima. Eliminare la riga in più.',
    en: 'Item {item} of {person} is already scored on row {row}: the first one counts. Delete the extra row.',
  },
  'pay-unknown-item': {
    it: 'La voce {item} non è del profilo {profile} di {person}. Correggere la voce (o scrivere Apporto per l’apporto individuale).',
    en: 'Item {item} is not in profile {profile} of {person}. Correct the item (or write Apporto for the individual contribution).',
  },
  'pay-score-range': {
    it: 'Punteggio {score} fuori dall’intervallo della voce {item} ({min}–{max}). Correggere il punteggio.',
    en: 'Score {score} is outside the range of item {item} ({min}–{max}). Correct the score.',
  },
  'pay-bonus-low': {
    it: 'Maggiorazione del fondo {fund} al {percent} %: l’art. 81 del CCNL Funzioni Locali 2022 la vuole almeno al {min} % del premio medio. Verificare.',
    en: 'Bonus of pot {fund} at {percent} %: art. 81 of the 2022 CCNL Funzioni Locali requires at least {min} % of the mean premium. Check it.',
  },
  'pay-bonus-low-dirigenti': {
    it: 'Maggiorazione del fondo {fund} al {percent} %: l’art. 30 del CCNL Area Funzioni Locali 2020 la vuole almeno al {min} % ({reduced} % dove si applica il comma 5). Verificare.',
    en: 'Bonus of pot {fund} at {percent} %: art. 30 of the 2020 CCNL Area Funzioni Locali requires at least {min} % ({reduced} % where paragraph 5 applies). Check it.',
  },
  'pay-bonus-no-quota': {
    it: 'Il fondo {fund} ha una Maggiorazione % ma non la Quota beneficiari %: nessuno la riceve. Indicare la quota.',
    en: 'Pot {fund} has a Bonus % but no Beneficiary quota %: nobody receives it. Fill in the quota.',
  },
  'pay-eq-below-floor': {
    it: 'I fondi EQ ({pots} €) sono sotto il 15 % di retribuzioni di posizione più fondi ({floor} €, con posizioni per {positions} €): la retribuzione di risultato EQ deve essere almeno il 15 %. Verificare.',
    en: 'The EQ pots ({pots} €) are below 15 % of position pay plus pots ({floor} €, positions {positions} €): EQ result pay must be at least 15 %. Check it.',
  },
  'pay-classes-order': {
    it: 'Le classi del fondo {fund} non sono crescenti: Da punteggio {from} dopo {before}. Ordinare le righe per punteggio crescente.',
    en: 'The classes of pot {fund} are not ascending: From score {from} after {before}. Order the rows by ascending score.',
  },
  'pay-blocked': {
    it: 'Premi non calcolati: ci sono errori in {tables}. Correggerli e ricalcolare.',
    en: 'Pay not computed: there are errors in {tables}. Fix them and compute again.',
  },
  'pay-not-evaluated': {
    it: '{person} non ha nessuna componente valutata: non ha punteggio e non partecipa ai fondi. Completare la scheda o escludere la persona.',
    en: '{person} has no component with a grade: no score, and no part in any pot. Complete the evaluation or exclude the person.',
  },
  'pay-bonus-tie': {
    it: 'Fondo {fund}: a pari punteggio ({score}) sul limite dei beneficiari della maggiorazione ({people}); nessuno di loro la riceve. Verificare i punteggi.',
    en: 'Pot {fund}: a tie at score {score} across the bonus beneficiaries’ boundary ({people}); none of them receives it. Check the scores.',
  },
  'pay-bonus-dropped': {
    it: 'Fondo {fund}: la maggiorazione Totale non lascerebbe nulla agli altri, quindi {people} (punteggio {score}) non la ricevono.',
    en: 'Pot {fund}: the Total bonus would leave the others nothing, so {people} (score {score}) do not receive it.',
  },
  'pay-nothing-to-share': {
    it: 'Fondo {fund}: nessuno riceve nulla (nessuna persona valutata del Ruolo, o tutti sotto la prima classe). Tutto l’importo resta come residuo.',
    en: 'Pot {fund}: nobody receives anything (no evaluated person of the Role, or everyone below the first class). The whole amount is left unspent.',
  },
  'pay-undifferentiated': {
    it: 'Fondo {fund}: tutti i {count} beneficiari ricevono lo stesso importo ({amount} €); l’art. 18 del D.Lgs. 150/2009 vieta premi indifferenziati. Verificare classi e valutazioni.',
    en: 'Pot {fund}: all {count} people receive the same amount ({amount} €); art. 18 of D.Lgs. 150/2009 forbids undifferentiated pay. Check the classes and evaluations.',
  },
  'premi-pot': {
    it: 'Fondo {code}{name} ({role}, {method})',
    en: 'Pot {code}{name} ({role}, {method})',
  },
  'premi-totals': {
    it: '  Stanziato {allocated} € · Distribuito {paid} € · Residuo {unspent} € · Beneficiari della maggiorazione {beneficiaries}',
    en: '  Allocated {allocated} € · Paid {paid} € · Unspent {unspent} € · Bonus beneficiaries {beneficiaries}',
  },
  'premi-class': {
    it: 'classe {class} (da {from})',
    en: 'class {class} (from {from})',
  },
  'premi-below-classes': {
    it: 'sotto la prima classe',
    en: 'below the first class',
  },
  'premi-no-classes': {
    it: 'classe unica',
    en: 'one class',
  },
  'premi-class-line': {
    it: '    {label}: {people}, {paid} €',
    en: '    {label}: {people}, {paid} €',
  },
  'premi-people': { it: '{count} persone', en: '{count} people' },
  'premi-people-one': { it: '1 persona', en: '1 person' },
  'premi-no-people': {
    it: 'Nessuna persona in Persone: non ci sono premi da calcolare.',
    en: 'Nobody in Persone: there is no pay to compute.',
  },
  'premi-not-computed': {
    it: 'Premi non calcolati: correggere prima gli errori segnalati nei fogli dei premi.',
    en: 'Pay not computed: first fix the errors reported in the pay sheets.',
  },
  'cli-publication-in-place': {
    it: 'La copia da pubblicare va scritta in un altro file: indicare -o <copia.xlsx> (il file {file} resta com’è).',
    en: 'The copy to publish goes to another file: give -o <copy.xlsx> (the file {file} stays as it is).',
  },
  'cli-publication-written': {
    it: 'Copia da pubblicare: solo i fogli {sheets}, a valori.',
    en: 'Copy to publish: only the sheets {sheets}, as values.',
  },
  'cli-publication-missing': {
    it: 'Fogli non presenti nella cartella di lavoro, quindi non copiati: {sheets}.',
    en: 'Sheets not in the workbook, so not copied: {sheets}.',
  },
};
