package org.credfolio.demo;

import java.util.List;
import java.util.Random;
import org.credfolio.learner.Demographics.Gender;

/** Name pools for synthetic learners, drawn from many backgrounds as a Texas district's would be. */
final class DemoNames {
    // Space-separated so the formatter keeps each pool to a few lines.
    private static final List<String> FEMALE = words(
            "Sofia Isabella Camila Valeria Ximena Emma Olivia Ava Harper Madison Aaliyah Imani Nia Zoe Layla Amara",
            "Priya Ananya Mei Linh Hana Yuna Fatima Maryam Grace Abigail Brianna Daniela Guadalupe Kaylee Naomi",
            "Esperanza Thu Jasmine Leilani Chloe");
    private static final List<String> MALE = words(
            "Mateo Santiago Diego Jose Luis Adrian Liam Noah Ethan Mason Jackson Caleb Jayden Malik Darius Andre",
            "Elijah Omar Yusuf Arjun Rohan Minh Bao Kenji Hiroshi Daniel Gabriel Carlos Eduardo Tyler Wyatt Cody",
            "Tariq Kofi Joaquin Hunter");
    private static final List<String> NEUTRAL =
            words("Alex Jordan Taylor Riley Avery Quinn Rowan Sage Cameron Reese Ari Kai Emerson Jamie Dakota Skyler");
    private static final List<String> FAMILY = words(
            "Garcia Martinez Hernandez Lopez Gonzalez Rodriguez Perez Sanchez Ramirez Flores Rivera Gomez Diaz",
            "Torres Cruz Reyes Morales Ortiz Gutierrez Chavez Mendoza Vasquez Castillo Salazar Soto Aguilar Nunez",
            "Delgado Smith Johnson Williams Brown Jones Miller Davis Wilson Anderson Thomas Moore Jackson Taylor",
            "White Harris Clark Washington Robinson Walker Coleman Banks Okafor Mensah Abara Nguyen Tran Pham Le",
            "Kim Park Chen Wang Li Patel Shah Singh Khan Ahmed Ali Haddad Yamamoto Tanaka Begay Yazzie Kealoha",
            "Schmidt O'Brien Kowalski Novak Dubois Rossi Ivanova");

    private DemoNames() {}

    static String givenName(Random random, Gender gender) {
        List<String> pool =
                switch (gender) {
                    case FEMALE -> FEMALE;
                    case MALE -> MALE;
                    case NONBINARY, NOT_REPORTED -> NEUTRAL;
                };
        return pool.get(random.nextInt(pool.size()));
    }

    static String familyName(Random random) {
        return FAMILY.get(random.nextInt(FAMILY.size()));
    }

    private static List<String> words(String... lines) {
        return List.of(String.join(" ", lines).split(" "));
    }
}
