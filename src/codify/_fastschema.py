"""The committed JSON Schema compiled to Python: whether a spec's data is valid, nothing more.

Generated from the models by `python -m codify.fastpath`; do not edit. codify.fastpath says
how it is used and why.
"""

# fmt: off
# ruff: noqa

from __future__ import annotations

import re
from typing import Any

MODELS_DIGEST = '06cdf3bc500f32f9d4750c0546bc8a2dec0545fc5b376824da1a78fa51b2bf9b'


def _integer(x: Any) -> bool:
    if isinstance(x, bool):
        return False
    if isinstance(x, float):
        return x.is_integer()
    return isinstance(x, int)


def _number(x: Any) -> bool:
    return isinstance(x, (int, float)) and not isinstance(x, bool)


def _equal(a: Any, b: Any) -> bool:
    """Equality as JSON Schema means it: true is not 1, and 1 is 1.0."""
    if isinstance(a, bool) or isinstance(b, bool):
        return isinstance(a, bool) and isinstance(b, bool) and a == b
    if isinstance(a, list) and isinstance(b, list):
        return len(a) == len(b) and all(_equal(x, y) for x, y in zip(a, b))
    if isinstance(a, dict) and isinstance(b, dict):
        return a.keys() == b.keys() and all(_equal(a[k], b[k]) for k in a)
    if _number(a) and _number(b):
        return bool(a == b)
    return type(a) is type(b) and bool(a == b)


def _unique(x: list[Any]) -> bool:
    return all(not _equal(x[i], x[j]) for i in range(len(x)) for j in range(i))


_MISSING = object()
_c2 = re.compile('^[a-z][a-z0-9_-]*\\Z').search
_c20 = frozenset(['adaptations', 'decided_by', 'default', 'examples', 'guardrails', 'id', 'materials', 'name', 'requires_approval', 'roles'])
_c23 = re.compile('^\\d{4}(-\\d{2}(-\\d{2})?)?\\Z').search
_c29 = frozenset(['count', 'date', 'description', 'out_of', 'reference', 'scope'])
_c33 = frozenset(['context', 'form'])
_c37 = frozenset(['description', 'score'])
_c39 = frozenset(['clinical', 'community', 'mixed'])
_c45 = frozenset(['label', 'max', 'meaning', 'meets_standard', 'min'])
_c54 = frozenset(['adopters', 'condition', 'embedding', 'organisation', 'technology', 'value_proposition', 'wider_system'])
_c56 = frozenset(['complex', 'complicated', 'simple'])
_c62 = frozenset(['email', 'name', 'organisation', 'role', 'url'])
_c84 = frozenset(['alternative_forms', 'evidence', 'fidelity', 'form', 'function', 'id', 'materials', 'name', 'rationale', 'roles'])
_c98 = frozenset(['core_elements', 'data_sources', 'dimension', 'id', 'method', 'minimum', 'name', 'scale'])
_c100 = frozenset(['document_review', 'interview', 'observation', 'record_review', 'routine_data', 'self_report', 'survey'])
_c115 = frozenset(['duration', 'formats', 'group_size', 'intensity', 'modes', 'period', 'procedures', 'schedule'])
_c117 = frozenset(['group', 'individual', 'organisation'])
_c118 = frozenset(['face_to_face', 'hybrid', 'online', 'telephone', 'written'])
_c121 = frozenset(['level', 'notes'])
_c128 = frozenset(['design', 'findings', 'limitations', 'population', 'reference'])
_c145 = frozenset(['approach', 'assessors', 'bands', 'criteria', 'frequency', 'results', 'strategies'])
_c147 = frozenset(['content', 'coverage', 'duration', 'frequency', 'participant_responsiveness', 'quality_of_delivery', 'timeliness'])
_c153 = frozenset(['date', 'reference', 'score', 'site', 'summary'])
_c155 = frozenset(['format', 'personnel', 'population', 'setting'])
_c156 = frozenset(['administrator', 'community_members', 'delivery_team', 'developer', 'funder', 'political_leaders', 'practitioner', 'programme_leader', 'programme_manager', 'recipients', 'researcher'])
_c157 = frozenset(['fidelity_consistent', 'fidelity_inconsistent', 'unknown'])
_c158 = frozenset(['address_cultural_factors', 'improve_effectiveness', 'improve_feasibility', 'improve_fidelity', 'improve_fit', 'improve_sustainability', 'increase_adoption', 'increase_reach', 'increase_retention', 'increase_satisfaction', 'reduce_cost'])
_c159 = frozenset(['cohort', 'individual_practitioner', 'individual_recipient', 'network', 'organisation', 'target_group', 'unit'])
_c160 = frozenset(['adding_elements', 'departing_then_returning', 'drift', 'integrating_another_treatment', 'integrating_into_another_framework', 'lengthening', 'loosening_structure', 'packaging_or_materials', 'removing_elements', 'reordering', 'repeating_elements', 'shortening', 'spreading', 'substituting', 'tailoring'])
_c161 = frozenset(['planned_proactive', 'planned_reactive', 'unplanned_reactive'])
_c162 = frozenset(['organisation', 'provider', 'recipient', 'sociopolitical'])
_c163 = frozenset(['content', 'context', 'implementation_and_scale_up', 'training_and_evaluation'])
_c164 = frozenset(['implementation', 'maintenance', 'pre_implementation', 'scale_up'])
_c167 = frozenset(['definition', 'term'])
_c171 = frozenset(['max', 'min'])
_c175 = frozenset(['core_element', 'note'])
_c188 = frozenset(['content_licence', 'fee', 'holder', 'previous_holders', 'spread_model', 'standard_setter', 'terms', 'territory', 'url'])
_c193 = frozenset(['description', 'reference', 'site'])
_c203 = frozenset(['audience', 'description', 'id', 'licence', 'path', 'provided_by', 'title', 'url'])
_c238 = frozenset(['context', 'date', 'decided_by', 'description', 'elements', 'fidelity', 'goals', 'id', 'level', 'nature', 'planned', 'reasons', 'references', 'site', 'target', 'what', 'when'])
_c240 = frozenset(['implementation_strategy', 'intervention'])
_c243 = frozenset(['item', 'reason'])
_c249 = frozenset(['basis', 'description', 'kind', 'required'])
_c251 = frozenset(['accreditation', 'brand', 'fees', 'fidelity_review', 'other', 'reporting', 'training'])
_c253 = frozenset(['literal'])
_c265 = frozenset(['first_delivered', 'history', 'innovators', 'organisation', 'place', 'references'])
_c275 = frozenset(['id', 'level', 'measure', 'name', 'references', 'timing'])
_c277 = frozenset(['adopter', 'central', 'partner'])
_c283 = frozenset(['guidance', 'options', 'range'])
_c287 = frozenset(['family', 'given'])
_c296 = frozenset(['goal', 'id', 'name', 'steps', 'timescale'])
_c305 = frozenset(['description', 'exclusion', 'inclusion'])
_c311 = frozenset(['end', 'name', 'note', 'start'])
_c323 = frozenset(['description', 'id', 'materials', 'name', 'roles', 'timing'])
_c331 = frozenset(['core_elements', 'id', 'practice', 'reason'])
_c336 = frozenset(['max', 'min', 'unit'])
_c343 = frozenset(['mechanisms', 'summary', 'theory_of_change'])
_c349 = frozenset(['criterion', 'how_to_show', 'id', 'required'])
_c353 = frozenset(['factor', 'level'])
_c369 = frozenset(['accessed', 'authors', 'details', 'doi', 'id', 'publisher', 'title', 'type', 'url', 'year'])
_c371 = frozenset(['article-journal', 'book', 'chapter', 'report', 'webpage'])
_c382 = frozenset(['id', 'party', 'qualifications', 'required', 'responsibilities', 'time_commitment', 'title', 'training'])
_c391 = frozenset(['anchors', 'kind', 'max', 'min', 'yes'])
_c393 = frozenset(['rating', 'yes_no'])
_c399 = frozenset(['description', 'infrastructure', 'type'])
_c401 = frozenset(['building_capacity_and_capability', 'governing_and_assuring', 'identifying_and_communicating_priorities', 'investing_and_incentivising', 'large_scale_engagement', 'networking_and_peer_learning', 'piloting_and_rolling_out'])
_c402 = frozenset(['direct', 'dissemination', 'franchise', 'licence', 'network', 'none', 'open'])
_c403 = frozenset(['draft', 'mainstreamed', 'not_recommended', 'piloting', 'retired', 'spreading'])
_c408 = frozenset(['action', 'output', 'owner', 'timescale'])
_c417 = frozenset(['contact', 'obligations', 'offered'])
_c424 = frozenset(['description', 'name', 'references'])
_c435 = frozenset(['applies_to', 'date', 'decided_by', 'reason', 'references', 'replaced_by', 'summary'])
_c438 = re.compile('^\\d+(\\.\\d+)?\\Z').search
_c513 = frozenset(['adaptable_elements', 'adoption', 'audience', 'complexity', 'contacts', 'core_elements', 'delivery', 'evidence', 'fidelity', 'format_version', 'glossary', 'id', 'licence', 'materials', 'modifications', 'name', 'not_applicable', 'origin', 'outcomes', 'owners', 'pathway', 'population', 'problem', 'proscribed', 'rationale', 'readiness', 'references', 'roles', 'settings', 'short_name', 'spread_approaches', 'status', 'summary', 'support', 'variants', 'verdict', 'version'])
_c518 = frozenset(['draft', 'mainstreamed', 'piloting', 'spreading'])


def _s7(x: Any) -> bool:
    if not (isinstance(x, list)):
        return False
    for _v8 in x:
        if not (_d_Guardrail(_v8)):
            return False
    return True


def _s12(x: Any) -> bool:
    if not (isinstance(x, list)):
        return False
    for _v13 in x:
        if not (_d_LocalAdaptation(_v13)):
            return False
    return True


def _s15(x: Any) -> bool:
    if not (isinstance(x, list)):
        return False
    for _v16 in x:
        if not ((isinstance(_v16, str)) and (_c2(_v16) is not None)):
            return False
    return True


def _s18(x: Any) -> bool:
    if not (isinstance(x, list)):
        return False
    for _v19 in x:
        if not ((isinstance(_v19, str)) and (_c2(_v19) is not None)):
            return False
    return True


def _d_AdaptableElement(x: Any) -> bool:
    if not (isinstance(x, dict)):
        return False
    if not ('id' in x and 'name' in x and 'default' in x and 'adaptations' in x and 'guardrails' in x and 'decided_by' in x):
        return False
    _v1 = x.get('id', _MISSING)
    if _v1 is not _MISSING and not ((isinstance(_v1, str)) and (_c2(_v1) is not None)):
        return False
    _v3 = x.get('name', _MISSING)
    if _v3 is not _MISSING and not ((isinstance(_v3, str)) and (len(_v3) >= 1)):
        return False
    _v4 = x.get('default', _MISSING)
    if _v4 is not _MISSING and not ((isinstance(_v4, str)) and (len(_v4) >= 1)):
        return False
    _v5 = x.get('adaptations', _MISSING)
    if _v5 is not _MISSING and not (_d_PermittedAdaptations(_v5)):
        return False
    _v6 = x.get('guardrails', _MISSING)
    if _v6 is not _MISSING and not (_s7(_v6)):
        return False
    _v9 = x.get('decided_by', _MISSING)
    if _v9 is not _MISSING and not ((isinstance(_v9, str)) and (len(_v9) >= 1)):
        return False
    _v10 = x.get('requires_approval', _MISSING)
    if _v10 is not _MISSING and not (isinstance(_v10, bool)):
        return False
    _v11 = x.get('examples', _MISSING)
    if _v11 is not _MISSING and not (_s12(_v11)):
        return False
    _v14 = x.get('roles', _MISSING)
    if _v14 is not _MISSING and not (_s15(_v14)):
        return False
    _v17 = x.get('materials', _MISSING)
    if _v17 is not _MISSING and not (_s18(_v17)):
        return False
    if not _c20.issuperset(x):
        return False
    return True


def _d_AdoptionFigure(x: Any) -> bool:
    if not (isinstance(x, dict)):
        return False
    if not ('date' in x and 'scope' in x and 'description' in x):
        return False
    _v22 = x.get('date', _MISSING)
    if _v22 is not _MISSING and not ((isinstance(_v22, str)) and (_c23(_v22) is not None)):
        return False
    _v24 = x.get('scope', _MISSING)
    if _v24 is not _MISSING and not ((isinstance(_v24, str)) and (len(_v24) >= 1)):
        return False
    _v25 = x.get('description', _MISSING)
    if _v25 is not _MISSING and not ((isinstance(_v25, str)) and (len(_v25) >= 1)):
        return False
    _v26 = x.get('count', _MISSING)
    if _v26 is not _MISSING and not ((_integer(_v26)) and (_v26 >= 0)):
        return False
    _v27 = x.get('out_of', _MISSING)
    if _v27 is not _MISSING and not ((_integer(_v27)) and (_v27 >= 0)):
        return False
    _v28 = x.get('reference', _MISSING)
    if _v28 is not _MISSING and not ((isinstance(_v28, str)) and (_c2(_v28) is not None)):
        return False
    if not _c29.issuperset(x):
        return False
    return True


def _d_AlternativeForm(x: Any) -> bool:
    if not (isinstance(x, dict)):
        return False
    if not ('context' in x and 'form' in x):
        return False
    _v31 = x.get('context', _MISSING)
    if _v31 is not _MISSING and not ((isinstance(_v31, str)) and (len(_v31) >= 1)):
        return False
    _v32 = x.get('form', _MISSING)
    if _v32 is not _MISSING and not ((isinstance(_v32, str)) and (len(_v32) >= 1)):
        return False
    if not _c33.issuperset(x):
        return False
    return True


def _d_Anchor(x: Any) -> bool:
    if not (isinstance(x, dict)):
        return False
    if not ('score' in x and 'description' in x):
        return False
    _v35 = x.get('score', _MISSING)
    if _v35 is not _MISSING and not (_integer(_v35)):
        return False
    _v36 = x.get('description', _MISSING)
    if _v36 is not _MISSING and not ((isinstance(_v36, str)) and (len(_v36) >= 1)):
        return False
    if not _c37.issuperset(x):
        return False
    return True


def _d_Audience(x: Any) -> bool:
    if not (isinstance(x, str)):
        return False
    if not (isinstance(x, str) and x in _c39):
        return False
    return True


def _d_Band(x: Any) -> bool:
    if not (isinstance(x, dict)):
        return False
    if not ('label' in x and 'min' in x and 'max' in x and 'meaning' in x):
        return False
    _v40 = x.get('label', _MISSING)
    if _v40 is not _MISSING and not ((isinstance(_v40, str)) and (len(_v40) >= 1)):
        return False
    _v41 = x.get('min', _MISSING)
    if _v41 is not _MISSING and not (_integer(_v41)):
        return False
    _v42 = x.get('max', _MISSING)
    if _v42 is not _MISSING and not (_integer(_v42)):
        return False
    _v43 = x.get('meaning', _MISSING)
    if _v43 is not _MISSING and not ((isinstance(_v43, str)) and (len(_v43) >= 1)):
        return False
    _v44 = x.get('meets_standard', _MISSING)
    if _v44 is not _MISSING and not (isinstance(_v44, bool)):
        return False
    if not _c45.issuperset(x):
        return False
    return True


def _d_Complexity(x: Any) -> bool:
    if not (isinstance(x, dict)):
        return False
    if not ('condition' in x and 'technology' in x and 'value_proposition' in x and 'adopters' in x and 'organisation' in x and 'wider_system' in x and 'embedding' in x):
        return False
    _v47 = x.get('condition', _MISSING)
    if _v47 is not _MISSING and not (_d_DomainRating(_v47)):
        return False
    _v48 = x.get('technology', _MISSING)
    if _v48 is not _MISSING and not (_d_DomainRating(_v48)):
        return False
    _v49 = x.get('value_proposition', _MISSING)
    if _v49 is not _MISSING and not (_d_DomainRating(_v49)):
        return False
    _v50 = x.get('adopters', _MISSING)
    if _v50 is not _MISSING and not (_d_DomainRating(_v50)):
        return False
    _v51 = x.get('organisation', _MISSING)
    if _v51 is not _MISSING and not (_d_DomainRating(_v51)):
        return False
    _v52 = x.get('wider_system', _MISSING)
    if _v52 is not _MISSING and not (_d_DomainRating(_v52)):
        return False
    _v53 = x.get('embedding', _MISSING)
    if _v53 is not _MISSING and not (_d_DomainRating(_v53)):
        return False
    if not _c54.issuperset(x):
        return False
    return True


def _d_ComplexityLevel(x: Any) -> bool:
    if not (isinstance(x, str)):
        return False
    if not (isinstance(x, str) and x in _c56):
        return False
    return True


def _d_Contact(x: Any) -> bool:
    if not (isinstance(x, dict)):
        return False
    if not ('name' in x):
        return False
    _v57 = x.get('name', _MISSING)
    if _v57 is not _MISSING and not ((isinstance(_v57, str)) and (len(_v57) >= 1)):
        return False
    _v58 = x.get('role', _MISSING)
    if _v58 is not _MISSING and not ((isinstance(_v58, str)) and (len(_v58) >= 1)):
        return False
    _v59 = x.get('organisation', _MISSING)
    if _v59 is not _MISSING and not ((isinstance(_v59, str)) and (len(_v59) >= 1)):
        return False
    _v60 = x.get('email', _MISSING)
    if _v60 is not _MISSING and not (isinstance(_v60, str)):
        return False
    _v61 = x.get('url', _MISSING)
    if _v61 is not _MISSING and not (isinstance(_v61, str)):
        return False
    if not _c62.issuperset(x):
        return False
    return True


def _s69(x: Any) -> bool:
    if not (isinstance(x, list)):
        return False
    for _v70 in x:
        if not (_d_AlternativeForm(_v70)):
            return False
    return True


def _s73(x: Any) -> bool:
    if not (isinstance(x, list)):
        return False
    for _v74 in x:
        if not ((isinstance(_v74, str)) and (_c2(_v74) is not None)):
            return False
    return True


def _s76(x: Any) -> bool:
    if not (isinstance(x, list)):
        return False
    for _v77 in x:
        if not ((isinstance(_v77, str)) and (_c2(_v77) is not None)):
            return False
    return True


def _s79(x: Any) -> bool:
    if not (isinstance(x, list)):
        return False
    for _v80 in x:
        if not ((isinstance(_v80, str)) and (_c2(_v80) is not None)):
            return False
    return True


def _s82(x: Any) -> bool:
    if not (isinstance(x, list)):
        return False
    if len(x) < 1:
        return False
    for _v83 in x:
        if not ((isinstance(_v83, str)) and (len(_v83) >= 1)):
            return False
    return True


def _d_CoreElement(x: Any) -> bool:
    if not (isinstance(x, dict)):
        return False
    if not ('id' in x and 'name' in x and 'function' in x and 'form' in x and 'rationale' in x and 'fidelity' in x):
        return False
    _v64 = x.get('id', _MISSING)
    if _v64 is not _MISSING and not ((isinstance(_v64, str)) and (_c2(_v64) is not None)):
        return False
    _v65 = x.get('name', _MISSING)
    if _v65 is not _MISSING and not ((isinstance(_v65, str)) and (len(_v65) >= 1)):
        return False
    _v66 = x.get('function', _MISSING)
    if _v66 is not _MISSING and not ((isinstance(_v66, str)) and (len(_v66) >= 1)):
        return False
    _v67 = x.get('form', _MISSING)
    if _v67 is not _MISSING and not ((isinstance(_v67, str)) and (len(_v67) >= 1)):
        return False
    _v68 = x.get('alternative_forms', _MISSING)
    if _v68 is not _MISSING and not (_s69(_v68)):
        return False
    _v71 = x.get('rationale', _MISSING)
    if _v71 is not _MISSING and not ((isinstance(_v71, str)) and (len(_v71) >= 1)):
        return False
    _v72 = x.get('evidence', _MISSING)
    if _v72 is not _MISSING and not (_s73(_v72)):
        return False
    _v75 = x.get('roles', _MISSING)
    if _v75 is not _MISSING and not (_s76(_v75)):
        return False
    _v78 = x.get('materials', _MISSING)
    if _v78 is not _MISSING and not (_s79(_v78)):
        return False
    _v81 = x.get('fidelity', _MISSING)
    if _v81 is not _MISSING and not (_s82(_v81)):
        return False
    if not _c84.issuperset(x):
        return False
    return True


def _s89(x: Any) -> bool:
    if not (isinstance(x, list)):
        return False
    if len(x) < 1:
        return False
    for _v90 in x:
        if not ((isinstance(_v90, str)) and (_c2(_v90) is not None)):
            return False
    return True


def _s93(x: Any) -> bool:
    if not (isinstance(x, list)):
        return False
    if len(x) < 1:
        return False
    for _v94 in x:
        if not (_d_DataSource(_v94)):
            return False
    return True


def _d_Criterion(x: Any) -> bool:
    if not (isinstance(x, dict)):
        return False
    if not ('id' in x and 'name' in x and 'core_elements' in x and 'method' in x and 'data_sources' in x and 'scale' in x):
        return False
    _v86 = x.get('id', _MISSING)
    if _v86 is not _MISSING and not ((isinstance(_v86, str)) and (_c2(_v86) is not None)):
        return False
    _v87 = x.get('name', _MISSING)
    if _v87 is not _MISSING and not ((isinstance(_v87, str)) and (len(_v87) >= 1)):
        return False
    _v88 = x.get('core_elements', _MISSING)
    if _v88 is not _MISSING and not (_s89(_v88)):
        return False
    _v91 = x.get('method', _MISSING)
    if _v91 is not _MISSING and not ((isinstance(_v91, str)) and (len(_v91) >= 1)):
        return False
    _v92 = x.get('data_sources', _MISSING)
    if _v92 is not _MISSING and not (_s93(_v92)):
        return False
    _v95 = x.get('dimension', _MISSING)
    if _v95 is not _MISSING and not (_d_FidelityDimension(_v95)):
        return False
    _v96 = x.get('scale', _MISSING)
    if _v96 is not _MISSING and not (_d_Scale(_v96)):
        return False
    _v97 = x.get('minimum', _MISSING)
    if _v97 is not _MISSING and not (_integer(_v97)):
        return False
    if not _c98.issuperset(x):
        return False
    return True


def _d_DataSource(x: Any) -> bool:
    if not (isinstance(x, str)):
        return False
    if not (isinstance(x, str) and x in _c100):
        return False
    return True


def _s102(x: Any) -> bool:
    if not (isinstance(x, list)):
        return False
    if len(x) < 1:
        return False
    for _v103 in x:
        if not (_d_DeliveryMode(_v103)):
            return False
    return True


def _s105(x: Any) -> bool:
    if not (isinstance(x, list)):
        return False
    if len(x) < 1:
        return False
    for _v106 in x:
        if not (_d_DeliveryFormat(_v106)):
            return False
    return True


def _s109(x: Any) -> bool:
    if not (isinstance(x, list)):
        return False
    if len(x) < 1:
        return False
    for _v110 in x:
        if not (_d_Procedure(_v110)):
            return False
    return True


def _d_Delivery(x: Any) -> bool:
    if not (isinstance(x, dict)):
        return False
    if not ('modes' in x and 'formats' in x and 'procedures' in x and 'schedule' in x and 'duration' in x):
        return False
    _v101 = x.get('modes', _MISSING)
    if _v101 is not _MISSING and not (_s102(_v101)):
        return False
    _v104 = x.get('formats', _MISSING)
    if _v104 is not _MISSING and not (_s105(_v104)):
        return False
    _v107 = x.get('group_size', _MISSING)
    if _v107 is not _MISSING and not (_d_GroupSize(_v107)):
        return False
    _v108 = x.get('procedures', _MISSING)
    if _v108 is not _MISSING and not (_s109(_v108)):
        return False
    _v111 = x.get('schedule', _MISSING)
    if _v111 is not _MISSING and not ((isinstance(_v111, str)) and (len(_v111) >= 1)):
        return False
    _v112 = x.get('duration', _MISSING)
    if _v112 is not _MISSING and not ((isinstance(_v112, str)) and (len(_v112) >= 1)):
        return False
    _v113 = x.get('intensity', _MISSING)
    if _v113 is not _MISSING and not ((isinstance(_v113, str)) and (len(_v113) >= 1)):
        return False
    _v114 = x.get('period', _MISSING)
    if _v114 is not _MISSING and not ((isinstance(_v114, str)) and (len(_v114) >= 1)):
        return False
    if not _c115.issuperset(x):
        return False
    return True


def _d_DeliveryFormat(x: Any) -> bool:
    if not (isinstance(x, str)):
        return False
    if not (isinstance(x, str) and x in _c117):
        return False
    return True


def _d_DeliveryMode(x: Any) -> bool:
    if not (isinstance(x, str)):
        return False
    if not (isinstance(x, str) and x in _c118):
        return False
    return True


def _d_DomainRating(x: Any) -> bool:
    if not (isinstance(x, dict)):
        return False
    if not ('level' in x and 'notes' in x):
        return False
    _v119 = x.get('level', _MISSING)
    if _v119 is not _MISSING and not (_d_ComplexityLevel(_v119)):
        return False
    _v120 = x.get('notes', _MISSING)
    if _v120 is not _MISSING and not ((isinstance(_v120, str)) and (len(_v120) >= 1)):
        return False
    if not _c121.issuperset(x):
        return False
    return True


def _d_Evidence(x: Any) -> bool:
    if not (isinstance(x, dict)):
        return False
    if not ('reference' in x and 'design' in x and 'findings' in x):
        return False
    _v123 = x.get('reference', _MISSING)
    if _v123 is not _MISSING and not ((isinstance(_v123, str)) and (_c2(_v123) is not None)):
        return False
    _v124 = x.get('design', _MISSING)
    if _v124 is not _MISSING and not ((isinstance(_v124, str)) and (len(_v124) >= 1)):
        return False
    _v125 = x.get('findings', _MISSING)
    if _v125 is not _MISSING and not ((isinstance(_v125, str)) and (len(_v125) >= 1)):
        return False
    _v126 = x.get('population', _MISSING)
    if _v126 is not _MISSING and not ((isinstance(_v126, str)) and (len(_v126) >= 1)):
        return False
    _v127 = x.get('limitations', _MISSING)
    if _v127 is not _MISSING and not ((isinstance(_v127, str)) and (len(_v127) >= 1)):
        return False
    if not _c128.issuperset(x):
        return False
    return True


def _s134(x: Any) -> bool:
    if not (isinstance(x, list)):
        return False
    for _v135 in x:
        if not ((isinstance(_v135, str)) and (len(_v135) >= 1)):
            return False
    return True


def _s137(x: Any) -> bool:
    if not (isinstance(x, list)):
        return False
    if len(x) < 1:
        return False
    for _v138 in x:
        if not (_d_Criterion(_v138)):
            return False
    return True


def _s140(x: Any) -> bool:
    if not (isinstance(x, list)):
        return False
    if len(x) < 1:
        return False
    for _v141 in x:
        if not (_d_Band(_v141)):
            return False
    return True


def _s143(x: Any) -> bool:
    if not (isinstance(x, list)):
        return False
    for _v144 in x:
        if not (_d_FidelityResult(_v144)):
            return False
    return True


def _d_Fidelity(x: Any) -> bool:
    if not (isinstance(x, dict)):
        return False
    if not ('approach' in x and 'assessors' in x and 'frequency' in x and 'criteria' in x and 'bands' in x):
        return False
    _v130 = x.get('approach', _MISSING)
    if _v130 is not _MISSING and not ((isinstance(_v130, str)) and (len(_v130) >= 1)):
        return False
    _v131 = x.get('assessors', _MISSING)
    if _v131 is not _MISSING and not ((isinstance(_v131, str)) and (len(_v131) >= 1)):
        return False
    _v132 = x.get('frequency', _MISSING)
    if _v132 is not _MISSING and not ((isinstance(_v132, str)) and (len(_v132) >= 1)):
        return False
    _v133 = x.get('strategies', _MISSING)
    if _v133 is not _MISSING and not (_s134(_v133)):
        return False
    _v136 = x.get('criteria', _MISSING)
    if _v136 is not _MISSING and not (_s137(_v136)):
        return False
    _v139 = x.get('bands', _MISSING)
    if _v139 is not _MISSING and not (_s140(_v139)):
        return False
    _v142 = x.get('results', _MISSING)
    if _v142 is not _MISSING and not (_s143(_v142)):
        return False
    if not _c145.issuperset(x):
        return False
    return True


def _d_FidelityDimension(x: Any) -> bool:
    if not (isinstance(x, str)):
        return False
    if not (isinstance(x, str) and x in _c147):
        return False
    return True


def _d_FidelityResult(x: Any) -> bool:
    if not (isinstance(x, dict)):
        return False
    if not ('site' in x and 'date' in x and 'summary' in x):
        return False
    _v148 = x.get('site', _MISSING)
    if _v148 is not _MISSING and not ((isinstance(_v148, str)) and (len(_v148) >= 1)):
        return False
    _v149 = x.get('date', _MISSING)
    if _v149 is not _MISSING and not ((isinstance(_v149, str)) and (_c23(_v149) is not None)):
        return False
    _v150 = x.get('score', _MISSING)
    if _v150 is not _MISSING and not (_integer(_v150)):
        return False
    _v151 = x.get('summary', _MISSING)
    if _v151 is not _MISSING and not ((isinstance(_v151, str)) and (len(_v151) >= 1)):
        return False
    _v152 = x.get('reference', _MISSING)
    if _v152 is not _MISSING and not ((isinstance(_v152, str)) and (_c2(_v152) is not None)):
        return False
    if not _c153.issuperset(x):
        return False
    return True


def _d_FrameContext(x: Any) -> bool:
    if not (isinstance(x, str)):
        return False
    if not (isinstance(x, str) and x in _c155):
        return False
    return True


def _d_FrameDecider(x: Any) -> bool:
    if not (isinstance(x, str)):
        return False
    if not (isinstance(x, str) and x in _c156):
        return False
    return True


def _d_FrameFidelity(x: Any) -> bool:
    if not (isinstance(x, str)):
        return False
    if not (isinstance(x, str) and x in _c157):
        return False
    return True


def _d_FrameGoal(x: Any) -> bool:
    if not (isinstance(x, str)):
        return False
    if not (isinstance(x, str) and x in _c158):
        return False
    return True


def _d_FrameLevel(x: Any) -> bool:
    if not (isinstance(x, str)):
        return False
    if not (isinstance(x, str) and x in _c159):
        return False
    return True


def _d_FrameNature(x: Any) -> bool:
    if not (isinstance(x, str)):
        return False
    if not (isinstance(x, str) and x in _c160):
        return False
    return True


def _d_FramePlanned(x: Any) -> bool:
    if not (isinstance(x, str)):
        return False
    if not (isinstance(x, str) and x in _c161):
        return False
    return True


def _d_FrameReasonLevel(x: Any) -> bool:
    if not (isinstance(x, str)):
        return False
    if not (isinstance(x, str) and x in _c162):
        return False
    return True


def _d_FrameWhat(x: Any) -> bool:
    if not (isinstance(x, str)):
        return False
    if not (isinstance(x, str) and x in _c163):
        return False
    return True


def _d_FrameWhen(x: Any) -> bool:
    if not (isinstance(x, str)):
        return False
    if not (isinstance(x, str) and x in _c164):
        return False
    return True


def _d_GlossaryTerm(x: Any) -> bool:
    if not (isinstance(x, dict)):
        return False
    if not ('term' in x and 'definition' in x):
        return False
    _v165 = x.get('term', _MISSING)
    if _v165 is not _MISSING and not ((isinstance(_v165, str)) and (len(_v165) >= 1)):
        return False
    _v166 = x.get('definition', _MISSING)
    if _v166 is not _MISSING and not ((isinstance(_v166, str)) and (len(_v166) >= 1)):
        return False
    if not _c167.issuperset(x):
        return False
    return True


def _d_GroupSize(x: Any) -> bool:
    if not (isinstance(x, dict)):
        return False
    if not ('min' in x):
        return False
    _v169 = x.get('min', _MISSING)
    if _v169 is not _MISSING and not ((_integer(_v169)) and (_v169 >= 1)):
        return False
    _v170 = x.get('max', _MISSING)
    if _v170 is not _MISSING and not ((_integer(_v170)) and (_v170 >= 1)):
        return False
    if not _c171.issuperset(x):
        return False
    return True


def _d_Guardrail(x: Any) -> bool:
    if not (isinstance(x, dict)):
        return False
    if not ('core_element' in x and 'note' in x):
        return False
    _v173 = x.get('core_element', _MISSING)
    if _v173 is not _MISSING and not ((isinstance(_v173, str)) and (_c2(_v173) is not None)):
        return False
    _v174 = x.get('note', _MISSING)
    if _v174 is not _MISSING and not ((isinstance(_v174, str)) and (len(_v174) >= 1)):
        return False
    if not _c175.issuperset(x):
        return False
    return True


def _s181(x: Any) -> bool:
    if not (isinstance(x, list)):
        return False
    for _v182 in x:
        if not (_d_PreviousHolder(_v182)):
            return False
    return True


def _d_Licence(x: Any) -> bool:
    if not (isinstance(x, dict)):
        return False
    if not ('spread_model' in x):
        return False
    _v177 = x.get('spread_model', _MISSING)
    if _v177 is not _MISSING and not (_d_SpreadModel(_v177)):
        return False
    _v178 = x.get('holder', _MISSING)
    if _v178 is not _MISSING and not ((isinstance(_v178, str)) and (len(_v178) >= 1)):
        return False
    _v179 = x.get('territory', _MISSING)
    if _v179 is not _MISSING and not ((isinstance(_v179, str)) and (len(_v179) >= 1)):
        return False
    _v180 = x.get('previous_holders', _MISSING)
    if _v180 is not _MISSING and not (_s181(_v180)):
        return False
    _v183 = x.get('standard_setter', _MISSING)
    if _v183 is not _MISSING and not ((isinstance(_v183, str)) and (len(_v183) >= 1)):
        return False
    _v184 = x.get('terms', _MISSING)
    if _v184 is not _MISSING and not ((isinstance(_v184, str)) and (len(_v184) >= 1)):
        return False
    _v185 = x.get('fee', _MISSING)
    if _v185 is not _MISSING and not ((isinstance(_v185, str)) and (len(_v185) >= 1)):
        return False
    _v186 = x.get('url', _MISSING)
    if _v186 is not _MISSING and not (isinstance(_v186, str)):
        return False
    _v187 = x.get('content_licence', _MISSING)
    if _v187 is not _MISSING and not ((isinstance(_v187, str)) and (len(_v187) >= 1)):
        return False
    if not _c188.issuperset(x):
        return False
    return True


def _d_LocalAdaptation(x: Any) -> bool:
    if not (isinstance(x, dict)):
        return False
    if not ('site' in x and 'description' in x):
        return False
    _v190 = x.get('site', _MISSING)
    if _v190 is not _MISSING and not ((isinstance(_v190, str)) and (len(_v190) >= 1)):
        return False
    _v191 = x.get('description', _MISSING)
    if _v191 is not _MISSING and not ((isinstance(_v191, str)) and (len(_v191) >= 1)):
        return False
    _v192 = x.get('reference', _MISSING)
    if _v192 is not _MISSING and not ((isinstance(_v192, str)) and (_c2(_v192) is not None)):
        return False
    if not _c193.issuperset(x):
        return False
    return True


def _d_Material(x: Any) -> bool:
    if not (isinstance(x, dict)):
        return False
    if not ('id' in x and 'title' in x and 'description' in x):
        return False
    _v195 = x.get('id', _MISSING)
    if _v195 is not _MISSING and not ((isinstance(_v195, str)) and (_c2(_v195) is not None)):
        return False
    _v196 = x.get('title', _MISSING)
    if _v196 is not _MISSING and not ((isinstance(_v196, str)) and (len(_v196) >= 1)):
        return False
    _v197 = x.get('description', _MISSING)
    if _v197 is not _MISSING and not ((isinstance(_v197, str)) and (len(_v197) >= 1)):
        return False
    _v198 = x.get('audience', _MISSING)
    if _v198 is not _MISSING and not ((isinstance(_v198, str)) and (len(_v198) >= 1)):
        return False
    _v199 = x.get('provided_by', _MISSING)
    if _v199 is not _MISSING and not ((isinstance(_v199, str)) and (len(_v199) >= 1)):
        return False
    _v200 = x.get('url', _MISSING)
    if _v200 is not _MISSING and not (isinstance(_v200, str)):
        return False
    _v201 = x.get('path', _MISSING)
    if _v201 is not _MISSING and not (isinstance(_v201, str)):
        return False
    _v202 = x.get('licence', _MISSING)
    if _v202 is not _MISSING and not ((isinstance(_v202, str)) and (len(_v202) >= 1)):
        return False
    if not _c203.issuperset(x):
        return False
    return True


def _s213(x: Any) -> bool:
    if not (isinstance(x, list)):
        return False
    if len(x) < 1:
        return False
    for _v214 in x:
        if not (_d_FrameDecider(_v214)):
            return False
    return True


def _s216(x: Any) -> bool:
    if not (isinstance(x, list)):
        return False
    if len(x) < 1:
        return False
    for _v217 in x:
        if not (_d_FrameWhat(_v217)):
            return False
    return True


def _s220(x: Any) -> bool:
    if not (isinstance(x, list)):
        return False
    for _v221 in x:
        if not (_d_FrameContext(_v221)):
            return False
    return True


def _s223(x: Any) -> bool:
    if not (isinstance(x, list)):
        return False
    for _v224 in x:
        if not (_d_FrameNature(_v224)):
            return False
    return True


def _s227(x: Any) -> bool:
    if not (isinstance(x, list)):
        return False
    if len(x) < 1:
        return False
    for _v228 in x:
        if not (_d_FrameGoal(_v228)):
            return False
    return True


def _s230(x: Any) -> bool:
    if not (isinstance(x, list)):
        return False
    for _v231 in x:
        if not (_d_Reason(_v231)):
            return False
    return True


def _s233(x: Any) -> bool:
    if not (isinstance(x, list)):
        return False
    for _v234 in x:
        if not ((isinstance(_v234, str)) and (_c2(_v234) is not None)):
            return False
    return True


def _s236(x: Any) -> bool:
    if not (isinstance(x, list)):
        return False
    for _v237 in x:
        if not ((isinstance(_v237, str)) and (_c2(_v237) is not None)):
            return False
    return True


def _d_Modification(x: Any) -> bool:
    if not (isinstance(x, dict)):
        return False
    if not ('id' in x and 'description' in x and 'when' in x and 'planned' in x and 'decided_by' in x and 'what' in x and 'level' in x and 'fidelity' in x and 'goals' in x):
        return False
    _v205 = x.get('id', _MISSING)
    if _v205 is not _MISSING and not ((isinstance(_v205, str)) and (_c2(_v205) is not None)):
        return False
    _v206 = x.get('description', _MISSING)
    if _v206 is not _MISSING and not ((isinstance(_v206, str)) and (len(_v206) >= 1)):
        return False
    _v207 = x.get('site', _MISSING)
    if _v207 is not _MISSING and not ((isinstance(_v207, str)) and (len(_v207) >= 1)):
        return False
    _v208 = x.get('date', _MISSING)
    if _v208 is not _MISSING and not ((isinstance(_v208, str)) and (_c23(_v208) is not None)):
        return False
    _v209 = x.get('target', _MISSING)
    if _v209 is not _MISSING and not (_d_ModificationTarget(_v209)):
        return False
    _v210 = x.get('when', _MISSING)
    if _v210 is not _MISSING and not (_d_FrameWhen(_v210)):
        return False
    _v211 = x.get('planned', _MISSING)
    if _v211 is not _MISSING and not (_d_FramePlanned(_v211)):
        return False
    _v212 = x.get('decided_by', _MISSING)
    if _v212 is not _MISSING and not (_s213(_v212)):
        return False
    _v215 = x.get('what', _MISSING)
    if _v215 is not _MISSING and not (_s216(_v215)):
        return False
    _v218 = x.get('level', _MISSING)
    if _v218 is not _MISSING and not (_d_FrameLevel(_v218)):
        return False
    _v219 = x.get('context', _MISSING)
    if _v219 is not _MISSING and not (_s220(_v219)):
        return False
    _v222 = x.get('nature', _MISSING)
    if _v222 is not _MISSING and not (_s223(_v222)):
        return False
    _v225 = x.get('fidelity', _MISSING)
    if _v225 is not _MISSING and not (_d_FrameFidelity(_v225)):
        return False
    _v226 = x.get('goals', _MISSING)
    if _v226 is not _MISSING and not (_s227(_v226)):
        return False
    _v229 = x.get('reasons', _MISSING)
    if _v229 is not _MISSING and not (_s230(_v229)):
        return False
    _v232 = x.get('elements', _MISSING)
    if _v232 is not _MISSING and not (_s233(_v232)):
        return False
    _v235 = x.get('references', _MISSING)
    if _v235 is not _MISSING and not (_s236(_v235)):
        return False
    if not _c238.issuperset(x):
        return False
    return True


def _d_ModificationTarget(x: Any) -> bool:
    if not (isinstance(x, str)):
        return False
    if not (isinstance(x, str) and x in _c240):
        return False
    return True


def _d_NotApplicable(x: Any) -> bool:
    if not (isinstance(x, dict)):
        return False
    if not ('item' in x and 'reason' in x):
        return False
    _v241 = x.get('item', _MISSING)
    if _v241 is not _MISSING and not ((_integer(_v241)) and (_v241 <= 12) and (_v241 >= 1)):
        return False
    _v242 = x.get('reason', _MISSING)
    if _v242 is not _MISSING and not ((isinstance(_v242, str)) and (len(_v242) >= 1)):
        return False
    if not _c243.issuperset(x):
        return False
    return True


def _d_Obligation(x: Any) -> bool:
    if not (isinstance(x, dict)):
        return False
    if not ('kind' in x and 'description' in x):
        return False
    _v245 = x.get('kind', _MISSING)
    if _v245 is not _MISSING and not (_d_ObligationKind(_v245)):
        return False
    _v246 = x.get('description', _MISSING)
    if _v246 is not _MISSING and not ((isinstance(_v246, str)) and (len(_v246) >= 1)):
        return False
    _v247 = x.get('required', _MISSING)
    if _v247 is not _MISSING and not (isinstance(_v247, bool)):
        return False
    _v248 = x.get('basis', _MISSING)
    if _v248 is not _MISSING and not ((isinstance(_v248, str)) and (len(_v248) >= 1)):
        return False
    if not _c249.issuperset(x):
        return False
    return True


def _d_ObligationKind(x: Any) -> bool:
    if not (isinstance(x, str)):
        return False
    if not (isinstance(x, str) and x in _c251):
        return False
    return True


def _d_Organisation(x: Any) -> bool:
    if not (isinstance(x, dict)):
        return False
    if not ('literal' in x):
        return False
    _v252 = x.get('literal', _MISSING)
    if _v252 is not _MISSING and not ((isinstance(_v252, str)) and (len(_v252) >= 1)):
        return False
    if not _c253.issuperset(x):
        return False
    return True


def _s259(x: Any) -> bool:
    if not (isinstance(x, list)):
        return False
    for _v260 in x:
        if not ((isinstance(_v260, str)) and (len(_v260) >= 1)):
            return False
    return True


def _s263(x: Any) -> bool:
    if not (isinstance(x, list)):
        return False
    for _v264 in x:
        if not ((isinstance(_v264, str)) and (_c2(_v264) is not None)):
            return False
    return True


def _d_Origin(x: Any) -> bool:
    if not (isinstance(x, dict)):
        return False
    if not ('organisation' in x):
        return False
    _v255 = x.get('organisation', _MISSING)
    if _v255 is not _MISSING and not ((isinstance(_v255, str)) and (len(_v255) >= 1)):
        return False
    _v256 = x.get('place', _MISSING)
    if _v256 is not _MISSING and not ((isinstance(_v256, str)) and (len(_v256) >= 1)):
        return False
    _v257 = x.get('first_delivered', _MISSING)
    if _v257 is not _MISSING and not ((isinstance(_v257, str)) and (_c23(_v257) is not None)):
        return False
    _v258 = x.get('innovators', _MISSING)
    if _v258 is not _MISSING and not (_s259(_v258)):
        return False
    _v261 = x.get('history', _MISSING)
    if _v261 is not _MISSING and not ((isinstance(_v261, str)) and (len(_v261) >= 1)):
        return False
    _v262 = x.get('references', _MISSING)
    if _v262 is not _MISSING and not (_s263(_v262)):
        return False
    if not _c265.issuperset(x):
        return False
    return True


def _s273(x: Any) -> bool:
    if not (isinstance(x, list)):
        return False
    for _v274 in x:
        if not ((isinstance(_v274, str)) and (_c2(_v274) is not None)):
            return False
    return True


def _d_Outcome(x: Any) -> bool:
    if not (isinstance(x, dict)):
        return False
    if not ('id' in x and 'name' in x and 'measure' in x):
        return False
    _v267 = x.get('id', _MISSING)
    if _v267 is not _MISSING and not ((isinstance(_v267, str)) and (_c2(_v267) is not None)):
        return False
    _v268 = x.get('name', _MISSING)
    if _v268 is not _MISSING and not ((isinstance(_v268, str)) and (len(_v268) >= 1)):
        return False
    _v269 = x.get('measure', _MISSING)
    if _v269 is not _MISSING and not ((isinstance(_v269, str)) and (len(_v269) >= 1)):
        return False
    _v270 = x.get('level', _MISSING)
    if _v270 is not _MISSING and not ((isinstance(_v270, str)) and (len(_v270) >= 1)):
        return False
    _v271 = x.get('timing', _MISSING)
    if _v271 is not _MISSING and not ((isinstance(_v271, str)) and (len(_v271) >= 1)):
        return False
    _v272 = x.get('references', _MISSING)
    if _v272 is not _MISSING and not (_s273(_v272)):
        return False
    if not _c275.issuperset(x):
        return False
    return True


def _d_Party(x: Any) -> bool:
    if not (isinstance(x, str)):
        return False
    if not (isinstance(x, str) and x in _c277):
        return False
    return True


def _s279(x: Any) -> bool:
    if not (isinstance(x, list)):
        return False
    for _v280 in x:
        if not ((isinstance(_v280, str)) and (len(_v280) >= 1)):
            return False
    return True


def _d_PermittedAdaptations(x: Any) -> bool:
    if not (isinstance(x, dict)):
        return False
    _v278 = x.get('options', _MISSING)
    if _v278 is not _MISSING and not (_s279(_v278)):
        return False
    _v281 = x.get('range', _MISSING)
    if _v281 is not _MISSING and not (_d_Range(_v281)):
        return False
    _v282 = x.get('guidance', _MISSING)
    if _v282 is not _MISSING and not ((isinstance(_v282, str)) and (len(_v282) >= 1)):
        return False
    if not _c283.issuperset(x):
        return False
    return True


def _d_Person(x: Any) -> bool:
    if not (isinstance(x, dict)):
        return False
    if not ('family' in x):
        return False
    _v285 = x.get('family', _MISSING)
    if _v285 is not _MISSING and not ((isinstance(_v285, str)) and (len(_v285) >= 1)):
        return False
    _v286 = x.get('given', _MISSING)
    if _v286 is not _MISSING and not ((isinstance(_v286, str)) and (len(_v286) >= 1)):
        return False
    if not _c287.issuperset(x):
        return False
    return True


def _s294(x: Any) -> bool:
    if not (isinstance(x, list)):
        return False
    if len(x) < 1:
        return False
    for _v295 in x:
        if not (_d_Step(_v295)):
            return False
    return True


def _d_Phase(x: Any) -> bool:
    if not (isinstance(x, dict)):
        return False
    if not ('id' in x and 'name' in x and 'goal' in x and 'timescale' in x and 'steps' in x):
        return False
    _v289 = x.get('id', _MISSING)
    if _v289 is not _MISSING and not ((isinstance(_v289, str)) and (_c2(_v289) is not None)):
        return False
    _v290 = x.get('name', _MISSING)
    if _v290 is not _MISSING and not ((isinstance(_v290, str)) and (len(_v290) >= 1)):
        return False
    _v291 = x.get('goal', _MISSING)
    if _v291 is not _MISSING and not ((isinstance(_v291, str)) and (len(_v291) >= 1)):
        return False
    _v292 = x.get('timescale', _MISSING)
    if _v292 is not _MISSING and not ((isinstance(_v292, str)) and (len(_v292) >= 1)):
        return False
    _v293 = x.get('steps', _MISSING)
    if _v293 is not _MISSING and not (_s294(_v293)):
        return False
    if not _c296.issuperset(x):
        return False
    return True


def _s300(x: Any) -> bool:
    if not (isinstance(x, list)):
        return False
    for _v301 in x:
        if not ((isinstance(_v301, str)) and (len(_v301) >= 1)):
            return False
    return True


def _s303(x: Any) -> bool:
    if not (isinstance(x, list)):
        return False
    for _v304 in x:
        if not ((isinstance(_v304, str)) and (len(_v304) >= 1)):
            return False
    return True


def _d_Population(x: Any) -> bool:
    if not (isinstance(x, dict)):
        return False
    if not ('description' in x):
        return False
    _v298 = x.get('description', _MISSING)
    if _v298 is not _MISSING and not ((isinstance(_v298, str)) and (len(_v298) >= 1)):
        return False
    _v299 = x.get('inclusion', _MISSING)
    if _v299 is not _MISSING and not (_s300(_v299)):
        return False
    _v302 = x.get('exclusion', _MISSING)
    if _v302 is not _MISSING and not (_s303(_v302)):
        return False
    if not _c305.issuperset(x):
        return False
    return True


def _d_PreviousHolder(x: Any) -> bool:
    if not (isinstance(x, dict)):
        return False
    if not ('name' in x):
        return False
    _v307 = x.get('name', _MISSING)
    if _v307 is not _MISSING and not ((isinstance(_v307, str)) and (len(_v307) >= 1)):
        return False
    _v308 = x.get('start', _MISSING)
    if _v308 is not _MISSING and not ((isinstance(_v308, str)) and (_c23(_v308) is not None)):
        return False
    _v309 = x.get('end', _MISSING)
    if _v309 is not _MISSING and not ((isinstance(_v309, str)) and (_c23(_v309) is not None)):
        return False
    _v310 = x.get('note', _MISSING)
    if _v310 is not _MISSING and not ((isinstance(_v310, str)) and (len(_v310) >= 1)):
        return False
    if not _c311.issuperset(x):
        return False
    return True


def _s317(x: Any) -> bool:
    if not (isinstance(x, list)):
        return False
    for _v318 in x:
        if not ((isinstance(_v318, str)) and (_c2(_v318) is not None)):
            return False
    return True


def _s320(x: Any) -> bool:
    if not (isinstance(x, list)):
        return False
    for _v321 in x:
        if not ((isinstance(_v321, str)) and (_c2(_v321) is not None)):
            return False
    return True


def _d_Procedure(x: Any) -> bool:
    if not (isinstance(x, dict)):
        return False
    if not ('id' in x and 'name' in x and 'description' in x):
        return False
    _v313 = x.get('id', _MISSING)
    if _v313 is not _MISSING and not ((isinstance(_v313, str)) and (_c2(_v313) is not None)):
        return False
    _v314 = x.get('name', _MISSING)
    if _v314 is not _MISSING and not ((isinstance(_v314, str)) and (len(_v314) >= 1)):
        return False
    _v315 = x.get('description', _MISSING)
    if _v315 is not _MISSING and not ((isinstance(_v315, str)) and (len(_v315) >= 1)):
        return False
    _v316 = x.get('roles', _MISSING)
    if _v316 is not _MISSING and not (_s317(_v316)):
        return False
    _v319 = x.get('materials', _MISSING)
    if _v319 is not _MISSING and not (_s320(_v319)):
        return False
    _v322 = x.get('timing', _MISSING)
    if _v322 is not _MISSING and not ((isinstance(_v322, str)) and (len(_v322) >= 1)):
        return False
    if not _c323.issuperset(x):
        return False
    return True


def _s329(x: Any) -> bool:
    if not (isinstance(x, list)):
        return False
    for _v330 in x:
        if not ((isinstance(_v330, str)) and (_c2(_v330) is not None)):
            return False
    return True


def _d_Proscribed(x: Any) -> bool:
    if not (isinstance(x, dict)):
        return False
    if not ('id' in x and 'practice' in x and 'reason' in x):
        return False
    _v325 = x.get('id', _MISSING)
    if _v325 is not _MISSING and not ((isinstance(_v325, str)) and (_c2(_v325) is not None)):
        return False
    _v326 = x.get('practice', _MISSING)
    if _v326 is not _MISSING and not ((isinstance(_v326, str)) and (len(_v326) >= 1)):
        return False
    _v327 = x.get('reason', _MISSING)
    if _v327 is not _MISSING and not ((isinstance(_v327, str)) and (len(_v327) >= 1)):
        return False
    _v328 = x.get('core_elements', _MISSING)
    if _v328 is not _MISSING and not (_s329(_v328)):
        return False
    if not _c331.issuperset(x):
        return False
    return True


def _d_Range(x: Any) -> bool:
    if not (isinstance(x, dict)):
        return False
    if not ('unit' in x):
        return False
    _v333 = x.get('min', _MISSING)
    if _v333 is not _MISSING and not (_number(_v333)):
        return False
    _v334 = x.get('max', _MISSING)
    if _v334 is not _MISSING and not (_number(_v334)):
        return False
    _v335 = x.get('unit', _MISSING)
    if _v335 is not _MISSING and not ((isinstance(_v335, str)) and (len(_v335) >= 1)):
        return False
    if not _c336.issuperset(x):
        return False
    return True


def _s341(x: Any) -> bool:
    if not (isinstance(x, list)):
        return False
    for _v342 in x:
        if not ((isinstance(_v342, str)) and (len(_v342) >= 1)):
            return False
    return True


def _d_Rationale(x: Any) -> bool:
    if not (isinstance(x, dict)):
        return False
    if not ('summary' in x):
        return False
    _v338 = x.get('summary', _MISSING)
    if _v338 is not _MISSING and not ((isinstance(_v338, str)) and (len(_v338) >= 1)):
        return False
    _v339 = x.get('theory_of_change', _MISSING)
    if _v339 is not _MISSING and not ((isinstance(_v339, str)) and (len(_v339) >= 1)):
        return False
    _v340 = x.get('mechanisms', _MISSING)
    if _v340 is not _MISSING and not (_s341(_v340)):
        return False
    if not _c343.issuperset(x):
        return False
    return True


def _d_ReadinessCriterion(x: Any) -> bool:
    if not (isinstance(x, dict)):
        return False
    if not ('id' in x and 'criterion' in x):
        return False
    _v345 = x.get('id', _MISSING)
    if _v345 is not _MISSING and not ((isinstance(_v345, str)) and (_c2(_v345) is not None)):
        return False
    _v346 = x.get('criterion', _MISSING)
    if _v346 is not _MISSING and not ((isinstance(_v346, str)) and (len(_v346) >= 1)):
        return False
    _v347 = x.get('how_to_show', _MISSING)
    if _v347 is not _MISSING and not ((isinstance(_v347, str)) and (len(_v347) >= 1)):
        return False
    _v348 = x.get('required', _MISSING)
    if _v348 is not _MISSING and not (isinstance(_v348, bool)):
        return False
    if not _c349.issuperset(x):
        return False
    return True


def _d_Reason(x: Any) -> bool:
    if not (isinstance(x, dict)):
        return False
    if not ('level' in x and 'factor' in x):
        return False
    _v351 = x.get('level', _MISSING)
    if _v351 is not _MISSING and not (_d_FrameReasonLevel(_v351)):
        return False
    _v352 = x.get('factor', _MISSING)
    if _v352 is not _MISSING and not ((isinstance(_v352, str)) and (len(_v352) >= 1)):
        return False
    if not _c353.issuperset(x):
        return False
    return True


def _s361(x: Any) -> bool:
    if not (_d_Person(x) or _d_Organisation(x)):
        return False
    return True


def _s359(x: Any) -> bool:
    if not (isinstance(x, list)):
        return False
    if len(x) < 1:
        return False
    for _v360 in x:
        if not (_s361(_v360)):
            return False
    return True


def _s358(x: Any) -> bool:
    if not ((isinstance(x, str)) and (len(x) >= 1) or _s359(x)):
        return False
    return True


def _d_Reference(x: Any) -> bool:
    if not (isinstance(x, dict)):
        return False
    if not ('id' in x and 'authors' in x and 'title' in x):
        return False
    _v355 = x.get('id', _MISSING)
    if _v355 is not _MISSING and not ((isinstance(_v355, str)) and (_c2(_v355) is not None)):
        return False
    _v356 = x.get('type', _MISSING)
    if _v356 is not _MISSING and not (_d_ReferenceType(_v356)):
        return False
    _v357 = x.get('authors', _MISSING)
    if _v357 is not _MISSING and not (_s358(_v357)):
        return False
    _v362 = x.get('year', _MISSING)
    if _v362 is not _MISSING and not ((_integer(_v362)) and (_v362 <= 2100) and (_v362 >= 1800)):
        return False
    _v363 = x.get('accessed', _MISSING)
    if _v363 is not _MISSING and not ((isinstance(_v363, str)) and (_c23(_v363) is not None)):
        return False
    _v364 = x.get('title', _MISSING)
    if _v364 is not _MISSING and not ((isinstance(_v364, str)) and (len(_v364) >= 1)):
        return False
    _v365 = x.get('publisher', _MISSING)
    if _v365 is not _MISSING and not ((isinstance(_v365, str)) and (len(_v365) >= 1)):
        return False
    _v366 = x.get('details', _MISSING)
    if _v366 is not _MISSING and not ((isinstance(_v366, str)) and (len(_v366) >= 1)):
        return False
    _v367 = x.get('doi', _MISSING)
    if _v367 is not _MISSING and not (isinstance(_v367, str)):
        return False
    _v368 = x.get('url', _MISSING)
    if _v368 is not _MISSING and not (isinstance(_v368, str)):
        return False
    if not _c369.issuperset(x):
        return False
    return True


def _d_ReferenceType(x: Any) -> bool:
    if not (isinstance(x, str)):
        return False
    if not (isinstance(x, str) and x in _c371):
        return False
    return True


def _s375(x: Any) -> bool:
    if not (isinstance(x, list)):
        return False
    if len(x) < 1:
        return False
    for _v376 in x:
        if not ((isinstance(_v376, str)) and (len(_v376) >= 1)):
            return False
    return True


def _d_Role(x: Any) -> bool:
    if not (isinstance(x, dict)):
        return False
    if not ('id' in x and 'title' in x and 'responsibilities' in x):
        return False
    _v372 = x.get('id', _MISSING)
    if _v372 is not _MISSING and not ((isinstance(_v372, str)) and (_c2(_v372) is not None)):
        return False
    _v373 = x.get('title', _MISSING)
    if _v373 is not _MISSING and not ((isinstance(_v373, str)) and (len(_v373) >= 1)):
        return False
    _v374 = x.get('responsibilities', _MISSING)
    if _v374 is not _MISSING and not (_s375(_v374)):
        return False
    _v377 = x.get('qualifications', _MISSING)
    if _v377 is not _MISSING and not ((isinstance(_v377, str)) and (len(_v377) >= 1)):
        return False
    _v378 = x.get('training', _MISSING)
    if _v378 is not _MISSING and not ((isinstance(_v378, str)) and (len(_v378) >= 1)):
        return False
    _v379 = x.get('time_commitment', _MISSING)
    if _v379 is not _MISSING and not ((isinstance(_v379, str)) and (len(_v379) >= 1)):
        return False
    _v380 = x.get('party', _MISSING)
    if _v380 is not _MISSING and not (_d_Party(_v380)):
        return False
    _v381 = x.get('required', _MISSING)
    if _v381 is not _MISSING and not (isinstance(_v381, bool)):
        return False
    if not _c382.issuperset(x):
        return False
    return True


def _s388(x: Any) -> bool:
    if not (isinstance(x, list)):
        return False
    for _v389 in x:
        if not (_d_Anchor(_v389)):
            return False
    return True


def _d_Scale(x: Any) -> bool:
    if not (isinstance(x, dict)):
        return False
    if not ('kind' in x):
        return False
    _v384 = x.get('kind', _MISSING)
    if _v384 is not _MISSING and not (_d_ScaleKind(_v384)):
        return False
    _v385 = x.get('min', _MISSING)
    if _v385 is not _MISSING and not (_integer(_v385)):
        return False
    _v386 = x.get('max', _MISSING)
    if _v386 is not _MISSING and not (_integer(_v386)):
        return False
    _v387 = x.get('anchors', _MISSING)
    if _v387 is not _MISSING and not (_s388(_v387)):
        return False
    _v390 = x.get('yes', _MISSING)
    if _v390 is not _MISSING and not ((isinstance(_v390, str)) and (len(_v390) >= 1)):
        return False
    if not _c391.issuperset(x):
        return False
    return True


def _d_ScaleKind(x: Any) -> bool:
    if not (isinstance(x, str)):
        return False
    if not (isinstance(x, str) and x in _c393):
        return False
    return True


def _s397(x: Any) -> bool:
    if not (isinstance(x, list)):
        return False
    for _v398 in x:
        if not ((isinstance(_v398, str)) and (len(_v398) >= 1)):
            return False
    return True


def _d_Setting(x: Any) -> bool:
    if not (isinstance(x, dict)):
        return False
    if not ('type' in x):
        return False
    _v394 = x.get('type', _MISSING)
    if _v394 is not _MISSING and not ((isinstance(_v394, str)) and (len(_v394) >= 1)):
        return False
    _v395 = x.get('description', _MISSING)
    if _v395 is not _MISSING and not ((isinstance(_v395, str)) and (len(_v395) >= 1)):
        return False
    _v396 = x.get('infrastructure', _MISSING)
    if _v396 is not _MISSING and not (_s397(_v396)):
        return False
    if not _c399.issuperset(x):
        return False
    return True


def _d_SpreadApproach(x: Any) -> bool:
    if not (isinstance(x, str)):
        return False
    if not (isinstance(x, str) and x in _c401):
        return False
    return True


def _d_SpreadModel(x: Any) -> bool:
    if not (isinstance(x, str)):
        return False
    if not (isinstance(x, str) and x in _c402):
        return False
    return True


def _d_Status(x: Any) -> bool:
    if not (isinstance(x, str)):
        return False
    if not (isinstance(x, str) and x in _c403):
        return False
    return True


def _d_Step(x: Any) -> bool:
    if not (isinstance(x, dict)):
        return False
    if not ('action' in x and 'owner' in x):
        return False
    _v404 = x.get('action', _MISSING)
    if _v404 is not _MISSING and not ((isinstance(_v404, str)) and (len(_v404) >= 1)):
        return False
    _v405 = x.get('owner', _MISSING)
    if _v405 is not _MISSING and not ((isinstance(_v405, str)) and (len(_v405) >= 1)):
        return False
    _v406 = x.get('timescale', _MISSING)
    if _v406 is not _MISSING and not ((isinstance(_v406, str)) and (len(_v406) >= 1)):
        return False
    _v407 = x.get('output', _MISSING)
    if _v407 is not _MISSING and not ((isinstance(_v407, str)) and (len(_v407) >= 1)):
        return False
    if not _c408.issuperset(x):
        return False
    return True


def _s411(x: Any) -> bool:
    if not (isinstance(x, list)):
        return False
    if len(x) < 1:
        return False
    for _v412 in x:
        if not ((isinstance(_v412, str)) and (len(_v412) >= 1)):
            return False
    return True


def _s414(x: Any) -> bool:
    if not (isinstance(x, list)):
        return False
    for _v415 in x:
        if not (_d_Obligation(_v415)):
            return False
    return True


def _d_Support(x: Any) -> bool:
    if not (isinstance(x, dict)):
        return False
    if not ('offered' in x):
        return False
    _v410 = x.get('offered', _MISSING)
    if _v410 is not _MISSING and not (_s411(_v410)):
        return False
    _v413 = x.get('obligations', _MISSING)
    if _v413 is not _MISSING and not (_s414(_v413)):
        return False
    _v416 = x.get('contact', _MISSING)
    if _v416 is not _MISSING and not ((isinstance(_v416, str)) and (len(_v416) >= 1)):
        return False
    if not _c417.issuperset(x):
        return False
    return True


def _s422(x: Any) -> bool:
    if not (isinstance(x, list)):
        return False
    for _v423 in x:
        if not ((isinstance(_v423, str)) and (_c2(_v423) is not None)):
            return False
    return True


def _d_Variant(x: Any) -> bool:
    if not (isinstance(x, dict)):
        return False
    if not ('name' in x and 'description' in x):
        return False
    _v419 = x.get('name', _MISSING)
    if _v419 is not _MISSING and not ((isinstance(_v419, str)) and (len(_v419) >= 1)):
        return False
    _v420 = x.get('description', _MISSING)
    if _v420 is not _MISSING and not ((isinstance(_v420, str)) and (len(_v420) >= 1)):
        return False
    _v421 = x.get('references', _MISSING)
    if _v421 is not _MISSING and not (_s422(_v421)):
        return False
    if not _c424.issuperset(x):
        return False
    return True


def _s433(x: Any) -> bool:
    if not (isinstance(x, list)):
        return False
    for _v434 in x:
        if not ((isinstance(_v434, str)) and (_c2(_v434) is not None)):
            return False
    return True


def _d_Verdict(x: Any) -> bool:
    if not (isinstance(x, dict)):
        return False
    if not ('summary' in x and 'reason' in x and 'decided_by' in x and 'date' in x):
        return False
    _v426 = x.get('summary', _MISSING)
    if _v426 is not _MISSING and not ((isinstance(_v426, str)) and (len(_v426) >= 1)):
        return False
    _v427 = x.get('reason', _MISSING)
    if _v427 is not _MISSING and not ((isinstance(_v427, str)) and (len(_v427) >= 1)):
        return False
    _v428 = x.get('decided_by', _MISSING)
    if _v428 is not _MISSING and not ((isinstance(_v428, str)) and (len(_v428) >= 1)):
        return False
    _v429 = x.get('date', _MISSING)
    if _v429 is not _MISSING and not ((isinstance(_v429, str)) and (_c23(_v429) is not None)):
        return False
    _v430 = x.get('applies_to', _MISSING)
    if _v430 is not _MISSING and not ((isinstance(_v430, str)) and (len(_v430) >= 1)):
        return False
    _v431 = x.get('replaced_by', _MISSING)
    if _v431 is not _MISSING and not ((isinstance(_v431, str)) and (len(_v431) >= 1)):
        return False
    _v432 = x.get('references', _MISSING)
    if _v432 is not _MISSING and not (_s433(_v432)):
        return False
    if not _c435.issuperset(x):
        return False
    return True


def _s449(x: Any) -> bool:
    if not (isinstance(x, list)):
        return False
    for _v450 in x:
        if not (_d_Evidence(_v450)):
            return False
    return True


def _s453(x: Any) -> bool:
    if not (isinstance(x, list)):
        return False
    if len(x) < 1:
        return False
    for _v454 in x:
        if not (_d_Contact(_v454)):
            return False
    return True


def _s456(x: Any) -> bool:
    if not (isinstance(x, list)):
        return False
    for _v457 in x:
        if not (_d_Contact(_v457)):
            return False
    return True


def _s462(x: Any) -> bool:
    if not (isinstance(x, list)):
        return False
    if len(x) < 1:
        return False
    for _v463 in x:
        if not (_d_Setting(_v463)):
            return False
    return True


def _s465(x: Any) -> bool:
    if not (isinstance(x, list)):
        return False
    for _v466 in x:
        if not (_d_ReadinessCriterion(_v466)):
            return False
    return True


def _s468(x: Any) -> bool:
    if not (isinstance(x, list)):
        return False
    if len(x) < 1:
        return False
    for _v469 in x:
        if not (_d_Role(_v469)):
            return False
    return True


def _s471(x: Any) -> bool:
    if not (isinstance(x, list)):
        return False
    for _v472 in x:
        if not (_d_Material(_v472)):
            return False
    return True


def _s474(x: Any) -> bool:
    if not (isinstance(x, list)):
        return False
    if len(x) < 1:
        return False
    for _v475 in x:
        if not (_d_CoreElement(_v475)):
            return False
    return True


def _s477(x: Any) -> bool:
    if not (isinstance(x, list)):
        return False
    for _v478 in x:
        if not (_d_AdaptableElement(_v478)):
            return False
    return True


def _s480(x: Any) -> bool:
    if not (isinstance(x, list)):
        return False
    for _v481 in x:
        if not (_d_Proscribed(_v481)):
            return False
    return True


def _s484(x: Any) -> bool:
    if not (isinstance(x, list)):
        return False
    for _v485 in x:
        if not (_d_Phase(_v485)):
            return False
    return True


def _s488(x: Any) -> bool:
    if not (isinstance(x, list)):
        return False
    for _v489 in x:
        if not (_d_Modification(_v489)):
            return False
    return True


def _s492(x: Any) -> bool:
    if not (isinstance(x, list)):
        return False
    for _v493 in x:
        if not (_d_Variant(_v493)):
            return False
    return True


def _s495(x: Any) -> bool:
    if not (isinstance(x, list)):
        return False
    for _v496 in x:
        if not (_d_AdoptionFigure(_v496)):
            return False
    return True


def _s498(x: Any) -> bool:
    if not (isinstance(x, list)):
        return False
    for _v499 in x:
        if not (_d_SpreadApproach(_v499)):
            return False
    return True


def _s501(x: Any) -> bool:
    if not (isinstance(x, list)):
        return False
    if len(x) < 1:
        return False
    for _v502 in x:
        if not (_d_Outcome(_v502)):
            return False
    return True


def _s505(x: Any) -> bool:
    if not (isinstance(x, list)):
        return False
    for _v506 in x:
        if not (_d_GlossaryTerm(_v506)):
            return False
    return True


def _s508(x: Any) -> bool:
    if not (isinstance(x, list)):
        return False
    for _v509 in x:
        if not (_d_Reference(_v509)):
            return False
    return True


def _s511(x: Any) -> bool:
    if not (isinstance(x, list)):
        return False
    for _v512 in x:
        if not (_d_NotApplicable(_v512)):
            return False
    return True


def _s517(x: Any) -> bool:
    if not (isinstance(x, str) and x in _c518):
        return False
    return True


def _s515(x: Any) -> bool:
    if isinstance(x, dict):
        if not ('status' in x):
            return False
        _v516 = x.get('status', _MISSING)
        if _v516 is not _MISSING and not (_s517(_v516)):
            return False
    return True


def _s520(x: Any) -> bool:
    if isinstance(x, list):
        if len(x) < 1:
            return False
    return True


def accepts(x: Any) -> bool:
    if not (isinstance(x, dict)):
        return False
    if not ('id' in x and 'name' in x and 'version' in x and 'status' in x and 'summary' in x and 'problem' in x and 'rationale' in x and 'origin' in x and 'owners' in x and 'population' in x and 'settings' in x and 'roles' in x and 'core_elements' in x and 'delivery' in x and 'outcomes' in x):
        return False
    _v437 = x.get('format_version', _MISSING)
    if _v437 is not _MISSING and not ((isinstance(_v437, str)) and (_c438(_v437) is not None)):
        return False
    _v439 = x.get('id', _MISSING)
    if _v439 is not _MISSING and not ((isinstance(_v439, str)) and (_c2(_v439) is not None)):
        return False
    _v440 = x.get('name', _MISSING)
    if _v440 is not _MISSING and not ((isinstance(_v440, str)) and (len(_v440) >= 1)):
        return False
    _v441 = x.get('short_name', _MISSING)
    if _v441 is not _MISSING and not ((isinstance(_v441, str)) and (len(_v441) >= 1)):
        return False
    _v442 = x.get('version', _MISSING)
    if _v442 is not _MISSING and not (isinstance(_v442, str)):
        return False
    _v443 = x.get('status', _MISSING)
    if _v443 is not _MISSING and not (_d_Status(_v443)):
        return False
    _v444 = x.get('verdict', _MISSING)
    if _v444 is not _MISSING and not (_d_Verdict(_v444)):
        return False
    _v445 = x.get('summary', _MISSING)
    if _v445 is not _MISSING and not ((isinstance(_v445, str)) and (len(_v445) >= 1)):
        return False
    _v446 = x.get('problem', _MISSING)
    if _v446 is not _MISSING and not ((isinstance(_v446, str)) and (len(_v446) >= 1)):
        return False
    _v447 = x.get('rationale', _MISSING)
    if _v447 is not _MISSING and not (_d_Rationale(_v447)):
        return False
    _v448 = x.get('evidence', _MISSING)
    if _v448 is not _MISSING and not (_s449(_v448)):
        return False
    _v451 = x.get('origin', _MISSING)
    if _v451 is not _MISSING and not (_d_Origin(_v451)):
        return False
    _v452 = x.get('owners', _MISSING)
    if _v452 is not _MISSING and not (_s453(_v452)):
        return False
    _v455 = x.get('contacts', _MISSING)
    if _v455 is not _MISSING and not (_s456(_v455)):
        return False
    _v458 = x.get('licence', _MISSING)
    if _v458 is not _MISSING and not (_d_Licence(_v458)):
        return False
    _v459 = x.get('audience', _MISSING)
    if _v459 is not _MISSING and not (_d_Audience(_v459)):
        return False
    _v460 = x.get('population', _MISSING)
    if _v460 is not _MISSING and not (_d_Population(_v460)):
        return False
    _v461 = x.get('settings', _MISSING)
    if _v461 is not _MISSING and not (_s462(_v461)):
        return False
    _v464 = x.get('readiness', _MISSING)
    if _v464 is not _MISSING and not (_s465(_v464)):
        return False
    _v467 = x.get('roles', _MISSING)
    if _v467 is not _MISSING and not (_s468(_v467)):
        return False
    _v470 = x.get('materials', _MISSING)
    if _v470 is not _MISSING and not (_s471(_v470)):
        return False
    _v473 = x.get('core_elements', _MISSING)
    if _v473 is not _MISSING and not (_s474(_v473)):
        return False
    _v476 = x.get('adaptable_elements', _MISSING)
    if _v476 is not _MISSING and not (_s477(_v476)):
        return False
    _v479 = x.get('proscribed', _MISSING)
    if _v479 is not _MISSING and not (_s480(_v479)):
        return False
    _v482 = x.get('delivery', _MISSING)
    if _v482 is not _MISSING and not (_d_Delivery(_v482)):
        return False
    _v483 = x.get('pathway', _MISSING)
    if _v483 is not _MISSING and not (_s484(_v483)):
        return False
    _v486 = x.get('fidelity', _MISSING)
    if _v486 is not _MISSING and not (_d_Fidelity(_v486)):
        return False
    _v487 = x.get('modifications', _MISSING)
    if _v487 is not _MISSING and not (_s488(_v487)):
        return False
    _v490 = x.get('complexity', _MISSING)
    if _v490 is not _MISSING and not (_d_Complexity(_v490)):
        return False
    _v491 = x.get('variants', _MISSING)
    if _v491 is not _MISSING and not (_s492(_v491)):
        return False
    _v494 = x.get('adoption', _MISSING)
    if _v494 is not _MISSING and not (_s495(_v494)):
        return False
    _v497 = x.get('spread_approaches', _MISSING)
    if _v497 is not _MISSING and not (_s498(_v497)):
        return False
    _v500 = x.get('outcomes', _MISSING)
    if _v500 is not _MISSING and not (_s501(_v500)):
        return False
    _v503 = x.get('support', _MISSING)
    if _v503 is not _MISSING and not (_d_Support(_v503)):
        return False
    _v504 = x.get('glossary', _MISSING)
    if _v504 is not _MISSING and not (_s505(_v504)):
        return False
    _v507 = x.get('references', _MISSING)
    if _v507 is not _MISSING and not (_s508(_v507)):
        return False
    _v510 = x.get('not_applicable', _MISSING)
    if _v510 is not _MISSING and not (_s511(_v510)):
        return False
    if not _c513.issuperset(x):
        return False
    if _s515(x):
        if isinstance(x, dict):
            if not ('licence' in x and 'pathway' in x and 'fidelity' in x):
                return False
            _v519 = x.get('pathway', _MISSING)
            if _v519 is not _MISSING and not (_s520(_v519)):
                return False
    return True


DEFS = {'AdaptableElement': _d_AdaptableElement, 'AdoptionFigure': _d_AdoptionFigure, 'AlternativeForm': _d_AlternativeForm, 'Anchor': _d_Anchor, 'Audience': _d_Audience, 'Band': _d_Band, 'Complexity': _d_Complexity, 'ComplexityLevel': _d_ComplexityLevel, 'Contact': _d_Contact, 'CoreElement': _d_CoreElement, 'Criterion': _d_Criterion, 'DataSource': _d_DataSource, 'Delivery': _d_Delivery, 'DeliveryFormat': _d_DeliveryFormat, 'DeliveryMode': _d_DeliveryMode, 'DomainRating': _d_DomainRating, 'Evidence': _d_Evidence, 'Fidelity': _d_Fidelity, 'FidelityDimension': _d_FidelityDimension, 'FidelityResult': _d_FidelityResult, 'FrameContext': _d_FrameContext, 'FrameDecider': _d_FrameDecider, 'FrameFidelity': _d_FrameFidelity, 'FrameGoal': _d_FrameGoal, 'FrameLevel': _d_FrameLevel, 'FrameNature': _d_FrameNature, 'FramePlanned': _d_FramePlanned, 'FrameReasonLevel': _d_FrameReasonLevel, 'FrameWhat': _d_FrameWhat, 'FrameWhen': _d_FrameWhen, 'GlossaryTerm': _d_GlossaryTerm, 'GroupSize': _d_GroupSize, 'Guardrail': _d_Guardrail, 'Licence': _d_Licence, 'LocalAdaptation': _d_LocalAdaptation, 'Material': _d_Material, 'Modification': _d_Modification, 'ModificationTarget': _d_ModificationTarget, 'NotApplicable': _d_NotApplicable, 'Obligation': _d_Obligation, 'ObligationKind': _d_ObligationKind, 'Organisation': _d_Organisation, 'Origin': _d_Origin, 'Outcome': _d_Outcome, 'Party': _d_Party, 'PermittedAdaptations': _d_PermittedAdaptations, 'Person': _d_Person, 'Phase': _d_Phase, 'Population': _d_Population, 'PreviousHolder': _d_PreviousHolder, 'Procedure': _d_Procedure, 'Proscribed': _d_Proscribed, 'Range': _d_Range, 'Rationale': _d_Rationale, 'ReadinessCriterion': _d_ReadinessCriterion, 'Reason': _d_Reason, 'Reference': _d_Reference, 'ReferenceType': _d_ReferenceType, 'Role': _d_Role, 'Scale': _d_Scale, 'ScaleKind': _d_ScaleKind, 'Setting': _d_Setting, 'SpreadApproach': _d_SpreadApproach, 'SpreadModel': _d_SpreadModel, 'Status': _d_Status, 'Step': _d_Step, 'Support': _d_Support, 'Variant': _d_Variant, 'Verdict': _d_Verdict}


__all__ = ['accepts', 'DEFS', 'MODELS_DIGEST']
