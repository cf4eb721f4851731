import { IsoDate } from '../calendar/calendar-date';

/**
 * 岗位责任: who answers for a breach. A post of a department lists the catalogue items and the
 * steps it handles and its duties; officers hold posts over dated periods. A breach is attributed to
 * the post responsible for the case's step on the day of the breach and to whoever held it that
 * day; where no post handles the step, to the post the acting officer held that day. Pure: the
 * caller passes the posts and the holdings (history included) it read.
 */
export interface PostForAttribution {
  id: string;
  code: string;
  name: string;
  duties: string;
  /** Catalogue item codes the post handles; empty: every item of its department. */
  itemCodes: readonly string[];
  /** Step codes (as the catalogue's items and the STEP_* events name them) the post handles. */
  stepCodes: readonly string[];
  isHead: boolean;
}

export interface HoldingForAttribution {
  postId: string;
  officerId: string;
  /** First local day held (inclusive). */
  validFrom: IsoDate;
  /** Last local day held (inclusive); null: still held. */
  validTo: IsoDate | null;
}

export interface AttributionQuestion {
  posts: readonly PostForAttribution[];
  holdings: readonly HoldingForAttribution[];
  /** The local day of the breach. */
  on: IsoDate;
  itemCode: string | null;
  step: string | null;
  /** The officer who acted on the case (the card's responsible officer), if known. */
  actingOfficerId: string | null;
}

export interface PostAttribution {
  postId: string;
  postCode: string;
  postName: string;
  officerId: string;
  /** The duty breached: the responsible post's duties. */
  duty: string;
  /** STEP_POST: the post handling the step; ACTING_OFFICER_POST: the post the acting officer held. */
  basis: 'STEP_POST' | 'ACTING_OFFICER_POST';
}

/** Held on that day: from validFrom through validTo, both inclusive. */
export function heldOn(holding: HoldingForAttribution, on: IsoDate): boolean {
  return holding.validFrom <= on && (holding.validTo === null || on <= holding.validTo);
}

const handlesItem = (post: PostForAttribution, itemCode: string | null): boolean =>
  post.itemCodes.length === 0 || (itemCode !== null && post.itemCodes.includes(itemCode));

/** A post naming the item outright before one that takes every item; then by code. */
const specificFirst = (itemCode: string | null) => (a: PostForAttribution, b: PostForAttribution): number => {
  const rank = (p: PostForAttribution) => (itemCode !== null && p.itemCodes.includes(itemCode) ? 0 : 1);
  return rank(a) - rank(b) || a.code.localeCompare(b.code);
};

/**
 * The responsible post and its holder on the day of the breach, or null when the posts recorded do
 * not say. Among several holders of the step's post the acting officer is preferred (a post such
 * as 受理岗 often has several), then the one who took it up first, then by id.
 */
export function attributeBreach(question: AttributionQuestion): PostAttribution | null {
  const { posts, on, itemCode, step, actingOfficerId } = question;
  const holdings = question.holdings.filter((h) => heldOn(h, on));
  const holdersOf = (postId: string) =>
    holdings
      .filter((h) => h.postId === postId)
      .sort((a, b) => Number(b.officerId === actingOfficerId) - Number(a.officerId === actingOfficerId) || a.validFrom.localeCompare(b.validFrom) || a.officerId.localeCompare(b.officerId));
  const answer = (post: PostForAttribution, officerId: string, basis: PostAttribution['basis']): PostAttribution => ({
    postId: post.id,
    postCode: post.code,
    postName: post.name,
    officerId,
    duty: post.duties,
    basis,
  });

  if (step !== null) {
    const stepPosts = posts.filter((p) => p.stepCodes.includes(step) && handlesItem(p, itemCode)).sort(specificFirst(itemCode));
    // The acting officer's own post among them first: the step was theirs to do.
    for (const post of stepPosts) {
      if (actingOfficerId !== null && holdersOf(post.id).some((h) => h.officerId === actingOfficerId)) return answer(post, actingOfficerId, 'STEP_POST');
    }
    for (const post of stepPosts) {
      const [holder] = holdersOf(post.id);
      if (holder) return answer(post, holder.officerId, 'STEP_POST');
    }
  }
  if (actingOfficerId === null) return null;
  const held = new Set(holdings.filter((h) => h.officerId === actingOfficerId).map((h) => h.postId));
  const actingPosts = posts.filter((p) => held.has(p.id));
  // Of the acting officer's posts, one that handles the item, named outright before "every item".
  const [post] = [...actingPosts.filter((p) => handlesItem(p, itemCode)).sort(specificFirst(itemCode)), ...actingPosts.filter((p) => !handlesItem(p, itemCode)).sort(specificFirst(itemCode))];
  return post ? answer(post, actingOfficerId, 'ACTING_OFFICER_POST') : null;
}
