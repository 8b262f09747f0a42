// Reports area for main.ts: reports, proof of play, kiosk feedback and quiz answers, and the retention purge of what they keep.
// Reports area for main.ts: reports, proof of play, kiosk feedback, citizens' reports (cases), and the retention
// purge of what they keep.
import type { Base } from './base';
import type { AuditService } from '../services/accounts/audit-service';
import { createReportService } from '../services/reports/report-service';
import { createPlayService } from '../services/reports/play-service';
import { createFeedbackService } from '../services/reports/feedback-service';
import { createQuizService } from '../services/reports/quiz-service';
import { createRetentionService } from '../services/retention/retention-service';
import { createCaseService } from '../services/cases/case-service';

export function composeReports({ config, db, clock }: Base, { audit }: { audit: AuditService }) {
  const reports = createReportService({ db, clock, audit, tz: config.tz, dataDir: config.dataDir });
  const plays = createPlayService({ db, clock });
  const feedback = createFeedbackService({ db, clock });
  const quiz = createQuizService({ db, clock });
  const cases = createCaseService({ db, clock, audit });
  const retention = createRetentionService({ db, audit, clock, dataDir: config.dataDir, tz: config.tz, policy: config.retention });
  return { reports, plays, feedback, quiz, cases, retention };
}
