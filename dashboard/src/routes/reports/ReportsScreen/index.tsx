// The reports screen: proof of play (per content, device, group, day or kind) with a chart, device uptime,
// kiosk feedback (ratings over time, topics, comments), the kiosk quiz, and the periodic report. Every table exports CSV
// (what is shown, in the browser) and the server's full CSV is one link away.
import { useState } from 'preact/hooks';
import { lang } from '../../../lib/i18n';
import { addDays, localDate } from '../../../lib/local-day';
import { reportsText } from '../../../lib/messages/reports';
import { can as canDo } from '../../../lib/permissions';
import { feedbackReport, playsReport, quizReport, uptimeReport, type DateRange, type PlaysGroupBy, type PlaysRegion } from '../../../lib/reports-api';
import { session } from '../../../lib/session';
import { useResource } from '../../../lib/use-resource';
import { Field } from '../../../components/Field/index';
import { PeriodicReportPanel } from '../PeriodicReportPanel/index';
import { QuizSection } from '../QuizSection/index';
import controls from '../../../components/controls.module.css';
import { reportNumbers } from './columns';
import { PlaysSection } from './plays';
import { FeedbackSection, UptimeSection } from './uptime-feedback';

export function ReportsScreen() {
  const { t } = reportsText;
  const l = lang.value;
  const today = localDate(Date.now());
  const [range, setRange] = useState<DateRange>({ from: addDays(today, -29), to: today });
  const [groupBy, setGroupBy] = useState<PlaysGroupBy>('content');
  const [region, setRegion] = useState<PlaysRegion | ''>('');
  const plays = useResource(() => playsReport(range, groupBy, region), [range.from, range.to, groupBy, region]);
  const uptime = useResource(() => uptimeReport(range), [range.from, range.to]);
  const feedback = useResource(() => feedbackReport(range, 'day'), [range.from, range.to]);
  const quiz = useResource(() => quizReport(range), [range.from, range.to]);
  const num = reportNumbers(l);
  const canGenerate = canDo(session.value?.user.roles ?? [], 'reports.generate');

  return (
    <div data-testid="reports-screen">
      <RangeForm initial={range} onApply={setRange} />
      <PlaysSection plays={plays} range={range} groupBy={groupBy} onGroupBy={setGroupBy} region={region} onRegion={setRegion} num={num} />
      <UptimeSection uptime={uptime} range={range} num={num} l={l} />
      <FeedbackSection feedback={feedback} range={range} num={num} />
      <QuizSection quiz={quiz} />
      <section class={controls.section} aria-labelledby="rep-periodic">
        <h2 id="rep-periodic" class={controls.heading}>
          {t('periodic.title')}
        </h2>
        <PeriodicReportPanel canGenerate={canGenerate} today={today} />
      </section>
    </div>
  );
}

/** The date range being typed; the report follows only when it is applied. */
function RangeForm({ initial, onApply }: { initial: DateRange; onApply: (r: DateRange) => void }) {
  const { t } = reportsText;
  const [draft, setDraft] = useState<DateRange>(initial);
  return (
    <form
      class={controls.row}
      aria-label={t('range.title')}
      onSubmit={(e) => {
        e.preventDefault();
        if (draft.from && draft.to) onApply(draft);
      }}
    >
      <Field id="rep-from" label={t('range.from')}>
        <input
          id="rep-from"
          type="date"
          class={controls.input}
          value={draft.from}
          onInput={(e) => setDraft({ ...draft, from: e.currentTarget.value })}
        />
      </Field>
      <Field id="rep-to" label={t('range.to')}>
        <input
          id="rep-to"
          type="date"
          class={controls.input}
          value={draft.to}
          onInput={(e) => setDraft({ ...draft, to: e.currentTarget.value })}
        />
      </Field>
      <button type="submit" class={controls.primary}>
        {t('range.apply')}
      </button>
    </form>
  );
}
