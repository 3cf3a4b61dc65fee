/**
 * The self-assessment's row slots and panel. The badge comes with the page;
 * the form and the panel (Dialog, ProgressBar, Textarea …) are a separate
 * chunk, fetched while the assessment data loads, so the checklist's own
 * first paint carries none of it.
 */
import { Suspense, lazy } from 'react';
import type { ItemView } from '../data/model';
import type { ItemSlots } from './ItemRow';
import type { AssessmentPanelProps } from './AssessmentPanel';
import { AssessmentAside } from './AssessmentBadge';

export const loadAssessmentUi = () => Promise.all([import('./AssessmentDetail'), import('./AssessmentPanel')]);

const LazyDetail = lazy(() => import('./AssessmentDetail'));
const LazyPanel = lazy(() => import('./AssessmentPanel').then((m) => ({ default: m.AssessmentPanel })));

/** The open item's form (on paper the print view gives the assessment as text). */
function AssessmentDetailSlot({ item }: { item: ItemView }) {
  return <Suspense fallback={null}><LazyDetail item={item} /></Suspense>;
}

export function AssessmentPanelSlot(props: AssessmentPanelProps) {
  return <Suspense fallback={null}><LazyPanel {...props} /></Suspense>;
}

export const ASSESSMENT_SLOTS: ItemSlots = { Aside: AssessmentAside, Detail: AssessmentDetailSlot };
