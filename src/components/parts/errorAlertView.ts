import { lazyPart } from '../../lazyPart';

/**
 * The error alert's code and English (every error's title and body): a step of its own, loaded when
 * a flow starts (`FlowFrame`) or when an error first shows, so the page loads without it.
 */
export const errorAlertView = lazyPart(() => import('./ErrorAlertView').then((module) => module.ErrorAlertView));
