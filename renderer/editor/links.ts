export { isAllowedUrl, LINK_RULE_MESSAGE, normaliseUrl } from '../../shared/links';
