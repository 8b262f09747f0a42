// The review screen (lazy-loaded route): the queue and the decision on one submission.
import { ReviewScreen } from '../components/ReviewScreen';

export default function ReviewRoute() {
  return <ReviewScreen />;
}
