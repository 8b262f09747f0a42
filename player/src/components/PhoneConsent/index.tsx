// The optional phone number and its consent box, shared by the kiosk forms (Góp ý, Phản ánh); the rule that
// goes with it is lib/phone-consent.ts.
import { PHONE_RETENTION_DAYS, strings } from '../../lib/strings';
import styles from '../FeedbackForm/style.module.css';

interface Props {
  phone: string;
  consent: boolean;
  /** What the number is for, in the consent sentence ("góp ý này", "phản ánh này"). */
  about: string;
  /** Prefix of the test ids (`<prefix>-phone`, `<prefix>-consent`). */
  testid: string;
  onPhone(phone: string): void;
  onConsent(consent: boolean): void;
}

export function PhoneConsent({ phone, consent, about, testid, onPhone, onConsent }: Props) {
  return (
    <>
      <label class={styles.group}>
        {strings.phoneVi}
        <input
          class={styles.input}
          type="tel"
          inputMode="tel"
          maxLength={20}
          value={phone}
          data-testid={`${testid}-phone`}
          onInput={(e) => onPhone(e.currentTarget.value)}
        />
      </label>
      <label class={styles.consent}>
        <input type="checkbox" checked={consent} data-testid={`${testid}-consent`} onChange={(e) => onConsent(e.currentTarget.checked)} />
        <span>{strings.consentVi(PHONE_RETENTION_DAYS, about)}</span>
      </label>
    </>
  );
}
