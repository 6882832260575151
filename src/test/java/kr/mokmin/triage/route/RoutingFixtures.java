package kr.mokmin.triage.route;

import java.util.ArrayList;
import java.util.List;

/**
 * Made-up labelled complaints for the default (파주시-like) taxonomy: a few phrasings per department, each with
 * several places, so that a model has to learn the subject, not the place.
 */
final class RoutingFixtures {

    static final List<String> PLACES = List.of("금촌동", "운정3동", "문산읍", "교하동", "조리읍", "탄현면", "광탄면",
            "법원읍");

    private static final List<String[]> TEMPLATES = List.of(
            new String[] {"TRAFFIC_ADMIN", "%s 불법주차 단속 요청", "%s 상가 앞 인도에 불법 주정차 차량이 매일 서 있어 보행이 위험합니다. 단속해 주세요."},
            new String[] {"TRAFFIC_ADMIN", "%s 소화전 앞 주차 차량", "%s 소화전 앞에 차량이 계속 주차되어 있습니다. 견인 부탁드립니다."},
            new String[] {"ROAD_MANAGEMENT", "%s 도로 포트홀", "%s 사거리 도로가 움푹 패여 포트홀이 생겼습니다. 차량 바퀴가 빠질 뻔했어요. 보수해 주세요."},
            new String[] {"ROAD_MANAGEMENT", "%s 가로등 고장", "%s 골목 가로등이 며칠째 꺼져 있어 밤길이 어둡습니다. 수리 바랍니다."},
            new String[] {"RESOURCE_CIRCULATION", "%s 쓰레기 무단투기", "%s 공터에 쓰레기와 폐가구를 무단투기하는 사람이 많습니다. 수거와 단속 부탁드립니다."},
            new String[] {"RESOURCE_CIRCULATION", "%s 음식물쓰레기 미수거", "%s 아파트 앞 음식물쓰레기 통이 일주일째 수거되지 않아 넘칩니다."},
            new String[] {"ENVIRONMENT", "%s 공장 악취", "%s 인근 공장에서 밤마다 심한 악취와 매연이 나서 창문을 열 수 없습니다."},
            new String[] {"ENVIRONMENT", "%s 공사장 소음", "%s 공사장에서 새벽부터 소음과 진동이 심해 잠을 잘 수 없습니다."},
            new String[] {"PARKS", "%s 공원 벤치 파손", "%s 근린공원 벤치와 운동기구가 부서져 있습니다. 아이들이 다칠까 걱정됩니다."},
            new String[] {"PARKS", "%s 가로수 가지치기", "%s 가로수 가지가 너무 자라 전선에 닿고 간판을 가립니다. 가지치기 해주세요."},
            new String[] {"WATER_SUPPLY", "%s 수도 누수", "%s 도로에서 수도관이 터졌는지 물이 계속 새고 있습니다. 누수 확인 부탁합니다."},
            new String[] {"WATER_SUPPLY", "%s 단수 문의", "%s 지역에 갑자기 단수가 되었습니다. 수돗물은 언제 나오나요?"});

    private RoutingFixtures() {
    }

    /** Every template at every place: 8 × 2 per department. */
    static List<RouterTrainer.Example> examples() {
        List<RouterTrainer.Example> out = new ArrayList<>();
        for (String place : PLACES) {
            for (String[] t : TEMPLATES) {
                out.add(new RouterTrainer.Example(t[1].formatted(place), t[2].formatted(place), t[0]));
            }
        }
        return out;
    }

    static List<String> departments() {
        return TEMPLATES.stream().map(t -> t[0]).distinct().toList();
    }
}
