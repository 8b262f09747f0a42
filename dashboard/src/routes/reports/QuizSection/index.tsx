// The kiosk quiz section of the reports screen: rounds played and finished, the average share right, the
// same per kiosk, and the questions most often answered wrong (the topics that need more communication).
import { lang } from '../../../lib/i18n';
import { quizReportText } from '../../../lib/messages/quiz-report';
import type { QuizReport } from '../../../lib/reports-api';
import type { Resource } from '../../../lib/use-resource';
import { DataTable, type Column } from '../../../components/DataTable/index';
import controls from '../../../components/controls.module.css';
import { Pending } from '../ReportsScreen/pending';

type DeviceRow = QuizReport['byDevice'][number];
type WeakRow = QuizReport['total']['weakest'][number];

export function QuizSection({ quiz }: { quiz: Resource<QuizReport> }) {
  const { t, tf } = quizReportText;
  const pf = new Intl.NumberFormat(lang.value === 'vi' ? 'vi-VN' : 'en-GB', { style: 'percent', maximumFractionDigits: 1 });
  const share = (v: number | null) => (v === null ? t('none') : pf.format(v));
  const devices: Column<DeviceRow>[] = [
    { key: 'kiosk', header: t('kiosk'), render: (r) => r.deviceName ?? `#${r.deviceId}`, csv: (r) => r.deviceName ?? r.deviceId },
    { key: 'played', header: t('played'), render: (r) => r.roundsPlayed, csv: (r) => r.roundsPlayed, nowrap: true },
    { key: 'finished', header: t('finished'), render: (r) => r.roundsFinished, csv: (r) => r.roundsFinished, nowrap: true },
    { key: 'score', header: t('score'), render: (r) => share(r.averageScore), csv: (r) => r.averageScore, nowrap: true },
  ];
  const weakest: Column<WeakRow>[] = [
    { key: 'question', header: t('question'), render: (r) => <a href={`/content/${r.contentId}`}>{r.title}</a>, csv: (r) => r.title },
    { key: 'answers', header: t('answers'), render: (r) => r.answers, csv: (r) => r.answers, nowrap: true },
    { key: 'wrong', header: t('wrongShare'), render: (r) => share(r.wrongShare), csv: (r) => r.wrongShare, nowrap: true },
  ];
  const d = quiz.data;
  return (
    <section class={controls.section} aria-labelledby="rep-quiz" data-testid="quiz-report">
      <h2 id="rep-quiz" class={controls.heading}>
        {t('title')}
      </h2>
      <Pending resource={quiz} label={t('title')} />
      {d && (
        <>
          <p data-testid="quiz-summary">
            {tf('summary', { played: d.total.roundsPlayed, finished: d.total.roundsFinished, score: share(d.total.averageScore) })}
          </p>
          <DataTable
            caption={t('byDevice')}
            columns={devices}
            rows={d.byDevice}
            rowKey={(r) => r.deviceId}
            csvName={t('csvDevices')}
            testId="quiz-devices"
          />
          <DataTable
            caption={t('weakest')}
            columns={weakest}
            rows={d.total.weakest}
            rowKey={(r) => r.contentId}
            csvName={t('csvWeakest')}
            testId="quiz-weakest"
          />
        </>
      )}
    </section>
  );
}
