// The review screen (lazy-loaded route): the queue and the decision on one submission.
import { ReviewScreen } from './ReviewScreen/index';

export default function ReviewRoute() {
  return <ReviewScreen />;
}
