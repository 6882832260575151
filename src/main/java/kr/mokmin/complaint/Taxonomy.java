package kr.mokmin.complaint;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The city's departments and the 민원 services citizens can file, as loaded from YAML. Immutable; an admin
 * replaces the whole taxonomy at once.
 */
public record Taxonomy(City city, String routingDepartment, List<Department> departments,
                       List<ServiceDefinition> services) {

    /** "immediate" (즉시), "<N>h" working hours or "<N>d" days. */
    static final Pattern PERIOD = Pattern.compile("immediate|[1-9][0-9]{0,2}[hd]");

    public record City(String name, String code, String address, String phone, String homepage) {
    }

    public record Department(String code, String name, String phone, String description, List<String> keywords) {
        public Department {
            keywords = keywords == null ? List.of() : List.copyOf(keywords);
        }
    }

    /**
     * A kind of 민원 (an Open311 "service").
     *
     * @param department default department, may be null (then the routing queue decides)
     * @param period     statutory period from 민원처리기준표, null to use the type's period
     */
    public record ServiceDefinition(String code, String name, String department, ComplaintType type, String period,
                                    String group, String description, List<String> keywords) {
        public ServiceDefinition {
            keywords = keywords == null ? List.of() : List.copyOf(keywords);
        }
    }

    public Taxonomy {
        departments = departments == null ? List.of() : List.copyOf(departments);
        services = services == null ? List.of() : List.copyOf(services);
    }

    public Optional<Department> department(String code) {
        return departments.stream().filter(d -> d.code().equals(code)).findFirst();
    }

    public Optional<ServiceDefinition> service(String code) {
        return services.stream().filter(s -> s.code().equals(code)).findFirst();
    }

    public String departmentName(String code) {
        return code == null ? null : department(code).map(Department::name).orElse(code);
    }

    /** Everything wrong with this taxonomy, empty when it is usable. */
    public List<String> problems() {
        List<String> problems = new ArrayList<>();
        if (city == null || isBlank(city.name())) {
            problems.add("city.name is required");
        }
        if (departments.isEmpty()) {
            problems.add("at least one department is required");
        }
        Set<String> codes = new HashSet<>();
        for (Department d : departments) {
            if (isBlank(d.code()) || isBlank(d.name())) {
                problems.add("every department needs a code and a name");
            } else if (!codes.add(d.code())) {
                problems.add("duplicate department code " + d.code());
            }
        }
        if (routingDepartment != null && !codes.contains(routingDepartment)) {
            problems.add("routingDepartment " + routingDepartment + " is not a department");
        }
        Set<String> serviceCodes = new HashSet<>();
        for (ServiceDefinition s : services) {
            if (isBlank(s.code()) || isBlank(s.name())) {
                problems.add("every service needs a code and a name");
                continue;
            }
            if (!serviceCodes.add(s.code())) {
                problems.add("duplicate service code " + s.code());
            }
            if (s.department() != null && !codes.contains(s.department())) {
                problems.add("service " + s.code() + " names unknown department " + s.department());
            }
            if (s.period() != null && !PERIOD.matcher(s.period()).matches()) {
                problems.add("service " + s.code() + " has period '" + s.period()
                        + "'; use immediate, <N>h or <N>d");
            }
            if (s.type() == ComplaintType.STATUTORY && s.period() == null) {
                problems.add("statutory service " + s.code() + " needs its period from 민원처리기준표");
            }
        }
        return problems;
    }

    /** Department code to name, in file order (for forms). */
    public Map<String, String> departmentNames() {
        Map<String, String> names = new LinkedHashMap<>();
        departments.forEach(d -> names.put(d.code(), d.name()));
        return names;
    }

    private static boolean isBlank(String s) {
        return s == null || s.isBlank();
    }
}
